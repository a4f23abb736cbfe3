//! A small fast hasher for integer and short-string keys (FxHash), used by
//! the index and the alignment (also compiled into `build.rs`).

/// A small fast hasher for integer and short-string keys (FxHash).
#[derive(Default, Clone, Copy)]
pub struct BuildFx;

impl std::hash::BuildHasher for BuildFx {
    type Hasher = Fx;
    fn build_hasher(&self) -> Fx {
        Fx(0)
    }
}

/// FxHash state.
#[derive(Default)]
pub struct Fx(u64);

impl std::hash::Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut v = 0u64;
            for (i, b) in chunk.iter().enumerate() {
                v |= (*b as u64) << (8 * i);
            }
            self.write_u64(v);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.write_u64(i as u64)
    }
    fn write_u32(&mut self, i: u32) {
        self.write_u64(i as u64)
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64)
    }
}

/// FNV-1a over `bytes`, continuing from `h` (start from [`FNV_OFFSET`]): a hash that is stable across
/// builds and machines, for what is stored or compared between them (the knowledge base's exact-text
/// keys, the precomputed detector hits and their stamp).
pub fn fnv1a(h: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(h, |h, &b| (h ^ b as u64).wrapping_mul(0x100000001b3))
}

/// FNV-1a's offset basis: the hash of nothing.
pub const FNV_OFFSET: u64 = 0xcbf29ce484222325;

/// The stable hash of a word stream: each word's bytes, then a 0 byte.
pub fn hash_words<'a>(words: impl Iterator<Item = &'a str>) -> u64 {
    words.fold(FNV_OFFSET, |h, w| fnv1a(fnv1a(h, w.as_bytes()), &[0]))
}
