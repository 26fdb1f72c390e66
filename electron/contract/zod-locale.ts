/**
 * Zod speaks Chinese everywhere the contract is used (backend validation messages reach the user).
 * Imported for its side effect by the contract's index.
 */
import { z } from 'zod';

z.config(z.locales.zhCN());
