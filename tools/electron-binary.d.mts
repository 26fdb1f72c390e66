// Types for tools/electron-binary.mjs (imported by the tests).
export interface ElectronPackage {
  dir: string;
  version: string;
}
export function electronPackage(): ElectronPackage | null;
export function electronBinary(pkg?: ElectronPackage | null, env?: NodeJS.ProcessEnv): string | null;
export function fetchElectronBinary(
  pkg: ElectronPackage | null,
  options?: { retry?: boolean; env?: NodeJS.ProcessEnv },
): { code: number; line: string };
