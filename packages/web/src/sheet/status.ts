import type { Finding } from '@praxisready/model';
import type { MessageKey } from '../i18n/messages.ts';

/** The label of a finding status in the message catalog. */
export const STATUS_LABEL: Record<Finding['status'], MessageKey> = {
  fail: 'statusFail',
  warn: 'statusWarn',
  pass: 'statusPass',
  unknown: 'statusUnknown',
  manual: 'statusManual',
  not_applicable: 'statusNotApplicable',
};
