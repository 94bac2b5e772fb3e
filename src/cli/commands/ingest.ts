import { defineCommand } from 'citty';
import { commonArgs, UsageError } from '../exit.js';

export default defineCommand({
  meta: { name: 'ingest', description: 'not implemented yet' },
  args: { ...commonArgs },
  run() {
    throw new UsageError('olinpe ingest is not implemented yet');
  },
});
