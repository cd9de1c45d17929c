import { expectedError } from '../../kit/errors';
import type { ContactmomentValue } from '../../kit/loket';

/**
 * The merged list's content fields. A loket that withheld them says why (`afgeschermd`, an error code);
 * here that becomes the null-with-error the caller sees, per field, while time, loket and channel stay.
 */
function content(field: 'onderwerp' | 'notitie' | 'medewerker') {
  return (c: ContactmomentValue) => {
    if (c.afgeschermd) {
      throw expectedError(`Withheld: the ${field} of a ${c.loket} contact moment needs access to its content`, c.afgeschermd);
    }
    return c[field];
  };
}

export const Contactmoment = {
  onderwerp: content('onderwerp'),
  notitie: content('notitie'),
  medewerker: content('medewerker'),
};
