import { useEffect, useRef } from 'react';
import { App } from 'antd';
import { errorMessage } from '../../api.js';

/** The parts of the Navigation API used here (not yet in TypeScript's DOM types). */
interface NavigateEventLike extends Event {
  readonly cancelable: boolean;
  readonly hashChange: boolean;
  readonly destination: { readonly url: string };
}

/**
 * Asks before the user leaves the page with text not yet saved: going to another page of the app
 * (a hash change, stopped before it happens and made once the text is saved) and closing or
 * reloading the browser tab (the browser's own question; the text is sent to be saved meanwhile).
 */
export function useLeaveGuard(unsaved: boolean, save: () => Promise<unknown>): void {
  const { modal, message } = App.useApp();
  const now = useRef({ unsaved, save });
  useEffect(() => {
    now.current = { unsaved, save };
  }, [unsaved, save]);

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!now.current.unsaved) return;
      // Sent at once: if the window goes anyway, the text has already left it.
      void now.current.save().catch(() => undefined);
      // The desktop window shows no question of its own; refusing there would only keep it from
      // closing, silently, so it closes with the save sent.
      if (window.taizhang) return;
      event.preventDefault();
      // Older engines ask only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);

    const navigation = (window as { navigation?: EventTarget }).navigation;
    let asking = false;
    let leaving = false;
    const onNavigate = (event: Event) => {
      const navigate = event as NavigateEventLike;
      if (leaving || !now.current.unsaved || !navigate.cancelable || !navigate.hashChange) return;
      navigate.preventDefault();
      if (asking) return;
      asking = true;
      const destination = navigate.destination.url;
      modal.confirm({
        title: '报告草稿还有未保存的修改',
        content: '刚输入的文字还没有保存。保存后再离开，下次打开这份草稿时文字仍在。',
        okText: '保存并离开',
        cancelText: '留在本页',
        onOk: async () => {
          try {
            await now.current.save();
          } catch (error) {
            void message.error(`没有保存，仍留在本页：${errorMessage(error)}`);
            return;
          }
          leaving = true;
          window.location.href = destination;
        },
        afterClose: () => {
          asking = false;
        },
      });
    };
    navigation?.addEventListener('navigate', onNavigate);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      navigation?.removeEventListener('navigate', onNavigate);
    };
  }, [modal, message]);
}
