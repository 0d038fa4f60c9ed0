import type { Role } from '@parley/protocol';
import { text } from '../../../lib/text';

const ROLES = Object.keys(text.roles) as Role[];

/** The roles a person has, one checkbox each. */
export function RoleChoice({ roles, onChange }: { roles: Role[]; onChange: (roles: Role[]) => void }) {
  return (
    <fieldset className="role-choice">
      <legend>{text.people.users.roles}</legend>
      {ROLES.map((role) => (
        <label key={role}>
          <input type="checkbox" checked={roles.includes(role)}
            onChange={(event) => onChange(event.target.checked ? [...roles, role] : roles.filter((held) => held !== role))} />
          {text.roles[role]}
        </label>
      ))}
    </fieldset>
  );
}
