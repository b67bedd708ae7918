/** The ids that tie a page's filter tabs to the panel of results they control. */
export const filterTabId = (name: string, value: string) => `${name}-tab-${value}`;
export const filterTabPanelId = (name: string) => `${name}-results`;
