/** A well-formed job id whose page fails to render in the e2e stack (E2E_BROKEN_RECORD_ID). */
export const E2E_BROKEN_RECORD_ID = "cme2ebrokenrecord0000000";
