/** Money and date display for the UI; the rules live in domain/. */
export { formatFen, formatYuan } from '../../domain/money';
export { periodLabel } from '../../domain/ledger';
