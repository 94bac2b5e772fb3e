import { defineCommand } from 'citty';
import { commonArgs, UsageError } from '../exit.js';

export default defineCommand({
  meta: { name: 'status', description: 'not implemented yet' },
  args: { ...commonArgs },
  run() {
    throw new UsageError('olinpe status is not implemented yet');
  },
});
