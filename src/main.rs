//! Mounts the app. The page is the whole product: there is no server.

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    supportcalc::ui::report_panics();
    leptos::mount::mount_to_body(supportcalc::ui::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Supportcalc runs in the browser: `scripts/serve.sh` builds and serves it.");
    eprintln!(
        "For a quote without a browser: cargo run --release --example quote -- 'v=1&phone=4000'"
    );
}
