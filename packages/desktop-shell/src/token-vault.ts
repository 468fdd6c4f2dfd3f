import { safeStorage } from 'electron';
import type { TokenVault } from './config-file.ts';

/**
 * The device token sealed with Electron's safeStorage: DPAPI on Windows, the Keychain on macOS, the Secret Service
 * (GNOME Keyring, KWallet) on Linux, so a copy of the config file is no use on another PC or account. Linux without
 * a keyring gives only `basic_text`, a fixed key that hides nothing: there the vault says it is not available and
 * the token stays as the installer wrote it, in a file only this account can read.
 * Call it after Electron is ready: before that Linux has no key store to report.
 */
export function electronTokenVault(platform: NodeJS.Platform = process.platform): TokenVault {
  const weakOnly = platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  return {
    available: safeStorage.isEncryptionAvailable() && !weakOnly,
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (sealed) => safeStorage.decryptString(sealed),
  };
}
