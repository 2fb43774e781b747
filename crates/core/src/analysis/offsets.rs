//! Byte offsets to code point offsets in constant time per lookup, for texts of any size.

/// Code points before every block of [`BLOCK`] bytes.
pub struct CharOffsets<'t> {
    text: &'t str,
    before_block: Vec<usize>,
}

const BLOCK: usize = 256;

impl<'t> CharOffsets<'t> {
    pub fn new(text: &'t str) -> Self {
        let bytes = text.as_bytes();
        let mut before_block = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut count = 0;
        for chunk in bytes.chunks(BLOCK) {
            before_block.push(count);
            // Every byte that is not a UTF-8 continuation byte starts a code point.
            count += chunk.iter().filter(|&&b| (b as i8) >= -0x40).count();
        }
        // The total, so that an offset at the end of a text whose length is a multiple of
        // the block size has its block too.
        before_block.push(count);
        CharOffsets { text, before_block }
    }

    /// The code point offset of byte offset `at` (which must be a char boundary).
    pub fn char_at(&self, at: usize) -> usize {
        let at = at.min(self.text.len());
        let block = at / BLOCK;
        let base = self.before_block[block];
        let from = (block * BLOCK).min(self.text.len());
        base + self.text.as_bytes()[from..at]
            .iter()
            .filter(|&&b| (b as i8) >= -0x40)
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_counting_chars() {
        // Lengths around block multiples, where the end offset is its own block.
        for text in [
            "ab“c”é ".repeat(100) + "Ünïcödé",
            "a".repeat(BLOCK * 2),
            "é".repeat(BLOCK),
            String::new(),
        ] {
            let offsets = CharOffsets::new(&text);
            for (chars, (bytes, _)) in text.char_indices().enumerate() {
                assert_eq!(offsets.char_at(bytes), chars);
            }
            assert_eq!(offsets.char_at(text.len()), text.chars().count());
        }
    }
}
