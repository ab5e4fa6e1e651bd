// `npm start`: the desktop app when Electron's binary can be had, else the same app in the
// browser through the host on 127.0.0.1, so the work can go on either way.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function installedElectron() {
  const dir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : null;
}

/** Electron's program, downloading it when it is missing and the network allows. */
function electronBinary() {
  const installed = installedElectron();
  if (installed) return installed;
  const install = path.join(root, 'node_modules', 'electron', 'install.js');
  if (!fs.existsSync(install)) return null;
  const result = spawnSync(process.execPath, [install], { stdio: 'ignore', timeout: 180_000 });
  return result.status === 0 ? installedElectron() : null;
}

const binary = electronBinary();
if (binary) {
  const native = spawnSync(process.execPath, [path.join(root, 'scripts', 'rebuild-electron-native.mjs')], {
    stdio: 'inherit',
  });
  if (native.status !== 0) process.exit(native.status ?? 1);
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  spawn(binary, [root], { stdio: 'inherit', env }).on('exit', (code) => process.exit(code ?? 0));
} else {
  // Without TAIZHANG_DB the CLI opens the installation's own ledger, the one last switched to in the app.
  console.log(
    '无法获取 Electron 程序（下载被拒绝或离线），改为在浏览器中提供同一界面：请打开下面打印的链接（含访问令牌）',
  );
  const ledger = process.env.TAIZHANG_DB ? ['--db', process.env.TAIZHANG_DB, '--create'] : ['--app-ledger'];
  spawn(process.execPath, [path.join(root, 'bin', 'taizhang.mjs'), 'serve', ...ledger], {
    stdio: 'inherit',
  }).on('exit', (code) => process.exit(code ?? 0));
}
