/**
 * Which Office the add-in runs in, as office.js reports it: "PC", "Mac", "OfficeOnline", "iOS", "Android" or
 * "Universal" (Office.PlatformType holds these strings), from `Office.context.diagnostics` where the host has it,
 * else `Office.context.platform`; null when an older host reports neither.
 */
export function officePlatform(): string | null {
  const context = Office.context as unknown as { diagnostics?: { platform?: string }; platform?: string };
  return context.diagnostics?.platform ?? context.platform ?? null;
}
