/// mimalloc: a verdict is many small strings, built and dropped per case; `yibao batch` spends
/// about half its time in glibc's malloc and free otherwise.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(yibao::run());
}
