import { describe, expect, it } from 'vitest';
import { chooseVoice, isIndonesianVoice, parseMacVoices } from './system-voices.ts';

describe('chooseVoice', () => {
  it('prefers the platform voice over another Indonesian one', () => {
    const installed = [{ name: 'Vendor Indonesia' }, { name: 'Microsoft Andika' }];
    expect(chooseVoice('win32', 'id', installed).voice).toBe('Microsoft Andika');
    expect(chooseVoice('win32', 'id', [{ name: 'Vendor Indonesia' }]).voice).toBe('Vendor Indonesia');
  });

  it('takes a voice the site names even when its name does not look Indonesian', () => {
    const choice = chooseVoice('win32', 'id', [{ name: 'Suara Kantor' }], 'suara kantor');
    expect(choice).toMatchObject({ voice: 'Suara Kantor', indonesian: true });
  });

  it('has no Indonesian voice among English ones, and leaves English to the default voice', () => {
    const installed = [{ name: 'Microsoft Zira Desktop' }];
    expect(chooseVoice('win32', 'id', installed)).toMatchObject({ voice: null, indonesian: false });
    expect(chooseVoice('win32', 'en', installed)).toMatchObject({ voice: null, indonesian: false });
    expect(chooseVoice('win32', 'en', installed, 'Microsoft Zira Desktop').voice).toBe(
      'Microsoft Zira Desktop',
    );
  });
});

describe('macOS voices', () => {
  it('reads names with spaces and their locales from say -v ?', () => {
    const output = [
      'Alex                en_US    # Most people recognize me by my voice.',
      'Damayanti           id_ID    # Halo, nama saya Damayanti.',
      'Good News           en_US    # We cheer for the team.',
      '',
    ].join('\n');
    expect(parseMacVoices(output)).toEqual([
      { name: 'Alex', locale: 'en_US' },
      { name: 'Damayanti', locale: 'id_ID' },
      { name: 'Good News', locale: 'en_US' },
    ]);
  });

  it('judges a macOS voice by its locale, a Windows voice by its name', () => {
    expect(isIndonesianVoice({ name: 'Alex', locale: 'id_ID' })).toBe(true);
    expect(isIndonesianVoice({ name: 'Damayanti', locale: 'en_US' })).toBe(false);
    expect(isIndonesianVoice({ name: 'Microsoft Andika Desktop' })).toBe(true);
    expect(isIndonesianVoice({ name: 'Microsoft David Desktop' })).toBe(false);
  });
});
