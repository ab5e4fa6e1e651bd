import { failAbandonedSubmissions } from '../submissions/abandoned.js';
import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import path from 'node:path';
import { dispatch, type ApiContext } from '../api.js';
import { openStore } from '../store/index.js';
import { OperatorSetting } from '../settings/operator.js';
import { APP_ORIGIN, IPC_CHANNEL } from './channel.js';
import { registerAppScheme, serveRenderer } from './app-protocol.js';
import { hardenWebContents, isTrustedSender } from './security.js';
import { electronNativeBinding } from './native.js';
import { ExportJobs } from '../export/export-jobs.js';
import { ImportJobs } from '../import/import-jobs.js';
import { deliverWithSaveDialog } from './deliver-file.js';
import { disposeJobsOnQuit } from './jobs-on-quit.js';
import { desktopEvidenceShell } from './evidence-shell.js';
import { sweepStaleTempFiles } from '../export/temp-registry.js';
import { userMessage } from '../errors/user-message.js';
import { startAutoBackup } from '../archive/auto-backup.js';
import { appLedgerFile } from '../settings/ledger-choice.js';
import { CallsInFlight } from '../app/switch-ledger.js';

// Two processes must never write one ledger file: a second launch focuses the first window.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  app.on('second-instance', () => {
    const window = BrowserWindow.getAllWindows()[0];
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start, (error: unknown) => {
    dialog.showErrorBox('台账归档无法启动', userMessage(error, { where: 'electron start' }));
    app.quit();
  });
}

function start(): void {
  // Exports cut short by a kill leave temp files with minors' data; every start clears those of dead processes.
  sweepStaleTempFiles();
  const appRoot = app.getAppPath();
  const home = process.env.TAIZHANG_HOME || app.getPath('userData');
  // TAIZHANG_DB names the ledger for every start; otherwise the one last switched to in the app.
  const chosenByApp = process.env.TAIZHANG_DB === undefined;
  let dbFile = process.env.TAIZHANG_DB ?? '';
  let ctx: ApiContext;
  try {
    if (chosenByApp) dbFile = appLedgerFile(home);
    const nativeBinding = electronNativeBinding(appRoot, app.isPackaged);
    const db = openStore(dbFile, { nativeBinding });
    const imports = new ImportJobs();
    const operatorSetting = new OperatorSetting(home);
    ctx = {
      db,
      dbFile,
      get operator() {
        return operatorSetting.name;
      },
      operatorSetting,
      transport: 'electron',
      exports: new ExportJobs({ dbFile, nativeBinding }),
      imports,
      deliverFile: deliverWithSaveDialog,
      nativeBinding,
      evidenceShell: desktopEvidenceShell(),
      calls: new CallsInFlight(),
      ledgerChoiceFolder: chosenByApp ? home : undefined,
    };
    failAbandonedSubmissions(ctx.db, ctx.operator);
    const current = ctx;
    const autoBackup = (ctx.autoBackup = startAutoBackup(ctx));
    // Closed only when the quit goes ahead: the backup on quit records itself in the ledger first.
    // The ledger and the exports are those in use at quit: the app may have switched ledgers.
    app.on('quit', () => current.db.close());
    disposeJobsOnQuit([{ dispose: () => current.exports!.dispose() }, imports, { dispose: () => autoBackup.close() }]);
  } catch (error) {
    dialog.showErrorBox(
      '无法打开台账文件',
      userMessage(error, { dbFile: dbFile || undefined, where: 'electron start' }),
    );
    app.quit();
    return;
  }
  hardenWebContents();
  serveRenderer(path.join(appRoot, 'dist', 'renderer'), () => ctx);
  ipcMain.handle(IPC_CHANNEL, (event, method: unknown, payload: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url)) {
      return { ok: false, error: { code: 'forbidden', message: '拒绝来自外部页面的调用' } };
    }
    return dispatch(ctx, method, payload);
  });
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    title: '台账归档',
    show: false,
    webPreferences: {
      preload: path.join(appRoot, 'dist', 'electron', 'preload.cjs'),
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
}
