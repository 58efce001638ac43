//! Compiled-in files that no macro tracks by itself: the Fluent catalogues
//! (`static_loader!` sees only the files that existed when it last ran) and the static
//! files (`rust-embed` embeds them in release builds). A change in either folder rebuilds
//! the server.
fn main() {
    println!("cargo:rerun-if-changed=web/i18n");
    println!("cargo:rerun-if-changed=web/static");
    println!("cargo:rerun-if-changed=build.rs");
}
