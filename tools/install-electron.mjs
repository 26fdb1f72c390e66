// Fetches Electron's desktop binary for the pinned version, and lets the install go on without it.
//
// `npm install` runs this as the project's postinstall. package.json's `allowScripts` denies the
// `electron` package's own install script (which fails the whole install when its download host is
// unreachable); this step runs that same script and, if the download fails, says so in one calm
// line and exits 0: `npm start` then opens browser mode. Where the download works nothing changes.
//
//   node tools/install-electron.mjs     the postinstall step (never fails the install)
//   npm run install-electron            try again later (--retry: exits 1 if it still fails)
//
// ELECTRON_SKIP_BINARY_DOWNLOAD=1 skips the download at install, as it does for electron's own script.
import { electronPackage, fetchElectronBinary } from './electron-binary.mjs';

const { code, line } = fetchElectronBinary(electronPackage(), { retry: process.argv.includes('--retry') });
if (line) console.log(line);
process.exit(code);
