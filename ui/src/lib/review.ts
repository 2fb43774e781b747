// The review vocabulary the window offers; the Rust side (workbench STATUSES) checks it.

/** Review statuses, in the order a claim moves through them. */
export const STATUSES = ['new', 'in-review', 'checked', 'published'] as const;
