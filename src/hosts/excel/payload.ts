/**
 * Request and response sizes as Excel counts them: UTF-8 bytes of the JSON (a CJK character is 3 bytes).
 *
 * "Excel on the web has a payload size limit for requests and responses of 5MB" (learn.microsoft.com, "Resource
 * limits and performance optimization for Office Add-ins", section Excel add-ins; and "Performance optimization
 * using the Excel JavaScript API", section Payload size limit best practices, which names the errors
 * RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded). The docs do not say whether a MB is 10^6
 * or 2^20 bytes: the stricter reading is taken, so an adapter that passes the simulator passes either. The host
 * plans its round trips with this measure, and the simulator enforces the limit with it.
 */
import { utf8Length } from '../../domain/text';

export { utf8Length };

export const WEB_PAYLOAD_LIMIT_BYTES = 5_000_000;

export function jsonBytes(v: unknown): number {
  return v === undefined ? 0 : utf8Length(JSON.stringify(v));
}
