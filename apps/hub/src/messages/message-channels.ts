import type { MessageChannel } from '@giliran/domain';
import type { SiteConfig } from '../config/site-config.ts';
import type { Channel } from './channels/channel.ts';
import { smsGatewayChannel } from './channels/sms-gateway.ts';
import { smtpChannel } from './channels/smtp-email.ts';
import { whatsAppChannel } from './channels/whatsapp-cloud.ts';
import { MESSAGE_SECRET_ENV } from '../config/message-settings.ts';

/**
 * The channels the site file sets up, each with its secret from the file or the environment (the environment
 * wins). A channel whose secret is missing is an error at start, named without its value.
 */
export function channelsFor(site: SiteConfig, env: NodeJS.ProcessEnv): Map<MessageChannel, Channel> {
  const channels = new Map<MessageChannel, Channel>();
  const { whatsapp, sms, email } = site.messages;
  if (whatsapp) {
    const token = env[MESSAGE_SECRET_ENV.whatsappToken] ?? whatsapp.token;
    if (!token)
      throw new Error(
        `site ${site.id}: messages.whatsapp.token is missing (or set ${MESSAGE_SECRET_ENV.whatsappToken})`,
      );
    channels.set(
      'whatsapp',
      whatsAppChannel({
        apiUrl: whatsapp.apiUrl,
        phoneNumberId: whatsapp.phoneNumberId,
        token,
        send: whatsapp.send,
        templates: whatsapp.templates,
        languages: whatsapp.languages,
      }),
    );
  }
  if (sms) {
    const auth = env[MESSAGE_SECRET_ENV.smsAuth] ?? sms.auth ?? null;
    channels.set('sms', smsGatewayChannel({ ...sms, auth }));
  }
  if (email) {
    const pass = env[MESSAGE_SECRET_ENV.smtpPass] ?? email.pass ?? null;
    channels.set(
      'email',
      smtpChannel({
        host: email.host,
        port: email.port,
        secure: email.secure,
        user: email.user ?? null,
        pass,
        from: email.from,
        siteId: site.id,
      }),
    );
  }
  return channels;
}
