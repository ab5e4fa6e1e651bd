/** The single IPC channel between the preload and the main process. */
export const IPC_CHANNEL = 'taizhang:call';

/** The renderer is served from this privileged scheme, never from file:// or the network. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://taizhang`;
