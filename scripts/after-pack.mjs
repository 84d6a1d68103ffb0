// electron-builder's afterPack hook (electron-builder.yml): flips the Electron fuses of the packaged app with
// @electron/fuses, before electron-builder signs it. Why each fuse is set so: docs/ARCHITECTURE.md, "Fuses".
import { join } from 'node:path';
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';

export const FUSES = {
  version: FuseVersion.V1,
  // Kept on: the `funddesk` command line of the installed app is this executable run with
  // ELECTRON_RUN_AS_NODE=1 (build/launchers/); no second Node runtime is shipped.
  [FuseV1Options.RunAsNode]: true,
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS and --inspect could inject code into the app (and the command line): off.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Left as Electron ships it (off) until checked on a signed macOS/Windows build: with it on and no
  // integrity record written, the app would not start.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: false,
  // The app runs only from its app.asar, never from a loose folder placed beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The renderer is still loaded from file:// (src/main/electron/index.ts): on until it moves to app://.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: true,
};

/** The Electron binary inside a packed app (what @electron/fuses reads and writes). */
export function electronBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    return join(appOutDir, `${packager.appInfo.productFilename}.app`);
  }
  if (electronPlatformName === 'win32') return join(appOutDir, `${packager.executableName}.exe`);
  return join(appOutDir, packager.executableName);
}

export default async function afterPack(context) {
  const darwinArm = context.electronPlatformName === 'darwin' && context.arch === 3; // Arch.arm64
  // An arm64 macOS binary must stay signed: the flip breaks Electron's ad-hoc signature, so it is redone.
  await flipFuses(electronBinary(context), { ...FUSES, resetAdHocDarwinSignature: darwinArm });
}
