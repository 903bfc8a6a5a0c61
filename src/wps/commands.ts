/**
 * The ribbon page and the task pane are two pages of one add-in; WPS documents PluginStorage as
 * the way its pages share data. A ribbon button leaves a command there (postCommand) and opens the
 * pane; the pane takes it (takeCommand: read and removed, so a reloaded pane never runs it twice),
 * polling while it is open, and runs it as if its own button had been pressed.
 */
import type { HostCommand } from '../taskpane/host';
import type { WpsPluginStorage } from './facade';

export const COMMAND_KEY = 'scoreAudit.command';
/** How often the pane looks for a command: quick enough to feel immediate, one cheap call. */
export const COMMAND_POLL_MS = 300;

const COMMANDS: readonly HostCommand[] = ['scan', 'highlight', 'clear', 'review'];

export function postCommand(storage: WpsPluginStorage, command: HostCommand): void {
  storage.setItem(COMMAND_KEY, command);
}

/** The waiting command, if any, removed from the storage. */
export function takeCommand(storage: WpsPluginStorage): HostCommand | undefined {
  const raw = storage.getItem(COMMAND_KEY);
  if (raw === undefined || raw === null || raw === '') return undefined;
  storage.removeItem(COMMAND_KEY);
  return COMMANDS.find((c) => c === raw);
}

/** Call `listener` for every command posted from now on (and one already waiting); returns the stop. */
export function watchCommands(storage: WpsPluginStorage, listener: (command: HostCommand) => void, intervalMs = COMMAND_POLL_MS): () => void {
  const check = () => {
    const command = takeCommand(storage);
    if (command) listener(command);
  };
  check();
  const timer = setInterval(check, intervalMs);
  return () => clearInterval(timer);
}
