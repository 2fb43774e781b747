//! Check-worthiness: an explainable score for one sentence or clause.
