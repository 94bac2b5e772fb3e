import { defineCommand } from 'citty';
import { commonArgs, UsageError } from '../exit.js';

export default defineCommand({
  meta: { name: 'cron', description: 'not implemented yet' },
  args: { ...commonArgs },
  run() {
    throw new UsageError('olinpe cron is not implemented yet');
  },
});
