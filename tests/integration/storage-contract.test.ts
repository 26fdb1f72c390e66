/** The storage contract suite (tests/helpers/storage-contract.ts) on local mode's JSON files. */
import { openJsonStorage } from '../../electron/backend/json-storage';
import { tempDir } from '../helpers/fs';
import { storageContract } from '../helpers/storage-contract';

storageContract({ name: 'JSON files (local mode)', place: () => tempDir(), open: (dir) => openJsonStorage(dir, '存储契约测试') });
