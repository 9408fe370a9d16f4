fn main() {
    std::process::exit(yibao::run());
}
