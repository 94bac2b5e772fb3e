import { defineCommand } from 'citty';
import { commonArgs, UsageError } from '../exit.js';

export default defineCommand({
  meta: { name: 'synth', description: 'not implemented yet' },
  args: { ...commonArgs },
  run() {
    throw new UsageError('olinpe synth is not implemented yet');
  },
});
