import { Dialog } from '../../../lib/Dialog';
import { text } from '../../../lib/text';
import { COMPOSER_KEYS, KEYS } from '../hooks/useShortcuts';

/** Every key of the inbox and the composer, with what it does. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const groups: [string, Record<string, string>][] = [
    [text.shortcuts.inbox, KEYS],
    [text.shortcuts.composer, COMPOSER_KEYS],
  ];
  return (
    <Dialog title={text.shortcuts.title} onClose={onClose}>
      {groups.map(([title, keys]) => (
        <section key={title} className="shortcuts">
          <h3>{title}</h3>
          <dl>
            {Object.entries(keys).map(([action, key]) => (
              <div key={action}>
                <dt><kbd>{key}</kbd></dt>
                <dd>{text.shortcuts[action as keyof typeof KEYS | keyof typeof COMPOSER_KEYS]}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </Dialog>
  );
}
