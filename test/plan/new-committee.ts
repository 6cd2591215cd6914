// A copy of the committee example whose committee.yaml replaces the scoring sheet and the rating bands (for new and serve tests).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyExample, edit } from '../helpers.js';

/** The ward's own scoring sheet: three criteria instead of the profile's seven, and higher bands. */
export const WARD_SHEET = { preparation: 20, conduct: 50, results: 30 };
export const WARD_BANDS = { good: 85, fair: 65, average: 45 };

/** The committee example copied, its committee.yaml given the ward's sheet; returns [committee folder, cell folder]. */
export function wardWithOwnSheet(): [string, string] {
  const committee = copyExample('dang-uy-phuong-hoang-liet');
  const file = join(committee, 'committee.yaml');
  writeFileSync(
    file,
    edit(readFileSync(file, 'utf8'), (d) => {
      d.setIn(['overrides', 'score-total', 'options', 'criteria'], WARD_SHEET);
      d.setIn(['overrides', 'score-rating', 'options'], WARD_BANDS);
    }),
  );
  return [committee, join(committee, 'chi-bo-khu-dan-cu-12')];
}

