//! Byte offsets to code point offsets in constant time per lookup, for texts of any size.

/// Code points before every block of [`CHAR_BLOCK`] bytes.
pub struct CharOffsets<'t> {
    text: &'t str,
    before_block: Vec<usize>,
}

const BLOCK: usize = 256;
/// Bytes per block of [`CharOffsets`]: a lookup counts at most this many, and analysis
/// looks up every sentence's and claim's ends.
const CHAR_BLOCK: usize = 64;

impl<'t> CharOffsets<'t> {
    pub fn new(text: &'t str) -> Self {
        let bytes = text.as_bytes();
        let mut before_block = Vec::with_capacity(bytes.len() / CHAR_BLOCK + 1);
        let mut count = 0;
        for chunk in bytes.chunks(CHAR_BLOCK) {
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
        let block = at / CHAR_BLOCK;
        let base = self.before_block[block];
        let from = (block * CHAR_BLOCK).min(self.text.len());
        base + self.text.as_bytes()[from..at]
            .iter()
            .filter(|&&b| (b as i8) >= -0x40)
            .count()
    }
}

/// Code point offsets to byte offsets, the other way: the byte offset of every
/// [`BLOCK`]th character, then a short walk.
pub struct ByteOffsets<'t> {
    text: &'t str,
    block_start: Vec<usize>,
}

impl<'t> ByteOffsets<'t> {
    pub fn new(text: &'t str) -> Self {
        let block_start = text
            .char_indices()
            .step_by(BLOCK)
            .map(|(at, _)| at)
            .collect();
        ByteOffsets { text, block_start }
    }

    /// The byte offset of code point `at` (the text's length past its end).
    pub fn byte_at(&self, at: usize) -> usize {
        let Some(&from) = self.block_start.get(at / BLOCK) else {
            return self.text.len();
        };
        self.text[from..]
            .char_indices()
            .nth(at % BLOCK)
            .map_or(self.text.len(), |(offset, _)| from + offset)
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
            let bytes = ByteOffsets::new(&text);
            for (chars, (at, _)) in text.char_indices().enumerate() {
                assert_eq!(bytes.byte_at(chars), at);
            }
            assert_eq!(bytes.byte_at(text.chars().count()), text.len());
        }
    }
}
