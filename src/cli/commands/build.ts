import { defineCommand } from 'citty';
import { commonArgs, UsageError } from '../exit.js';

export default defineCommand({
  meta: { name: 'build', description: 'not implemented yet' },
  args: { ...commonArgs },
  run() {
    throw new UsageError('olinpe build is not implemented yet');
  },
});
