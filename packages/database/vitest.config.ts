import { pgliteSnapshotSetup, workspaceConfig } from '../../vitest.shared.js';

export default workspaceConfig(import.meta.dirname, { globalSetup: [pgliteSnapshotSetup] });
