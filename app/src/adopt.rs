//! The home's elements site-gen wrote into `/app/index.html` (`kyoyu_core::home`), which the app
//! takes over in place rather than drawing them again: it keeps them, adds to them what only it
//! knows (the drafts list, the answer of the role chooser, the sections below the first screen)
//! and listens to their inputs. Another page takes them out of the document; the home puts them
//! back. Drawing them again would cost the start of the app a long task (and the browser a new
//! layout of the same text) for elements that are already on the screen.
use std::any::Any;
use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

thread_local! {
    /// The app's root, and the home site-gen wrote into it.
    static ROOT: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
    static HOME: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
}

/// Keeps the app's root and the home site-gen wrote into it (`#app-root > .home`), for the
/// app's home to take over.
pub fn keep(root: &web_sys::Element) -> Option<web_sys::Element> {
    let home = root.query_selector(":scope > .home").ok().flatten();
    ROOT.with(|r| r.replace(Some(root.clone())));
    HOME.with(|h| h.replace(home.clone()));
    home
}

/// The home's elements, in the app's root (put back at its end if another page had taken
/// them out).
pub fn home_in_place() -> Option<web_sys::Element> {
    let root = ROOT.with(|r| r.borrow().clone())?;
    let home = HOME.with(|h| h.borrow().clone())?;
    if !home.is_connected() {
        root.append_child(&home).ok()?;
    }
    // Shown even if the loader hid it while another route was loading.
    let _ = home.remove_attribute("hidden");
    Some(home)
}

/// Takes the home's elements out of the document while another page is shown (kept for the
/// next visit of the home), so that their ids and labels are never the page's twice.
pub fn take_out() {
    HOME.with(|h| {
        if let Some(home) = h.borrow().as_ref() {
            home.remove();
        }
    });
}

/// An event listener on an element the app did not create, removed when dropped. (Leptos binds
/// events on the elements it renders only; these are site-gen's.)
pub struct Listener {
    target: web_sys::EventTarget,
    event: &'static str,
    callback: Closure<dyn FnMut(web_sys::Event)>,
}

impl Listener {
    pub fn new(
        target: &web_sys::EventTarget,
        event: &'static str,
        f: impl FnMut(web_sys::Event) + 'static,
    ) -> Listener {
        let callback = Closure::<dyn FnMut(web_sys::Event)>::new(f);
        let _ = target.add_event_listener_with_callback(event, callback.as_ref().unchecked_ref());
        Listener {
            target: target.clone(),
            event,
            callback,
        }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback(
            self.event,
            self.callback.as_ref().unchecked_ref(),
        );
    }
}

/// A view appended to `parent` (an element of site-gen's), under the current reactive owner;
/// removed from the page when dropped.
pub fn append<N: IntoView + 'static>(
    parent: &web_sys::Element,
    f: impl FnOnce() -> N + 'static,
) -> Box<dyn Any> {
    Box::new(leptos::mount::mount_to(
        parent.clone().unchecked_into::<web_sys::HtmlElement>(),
        f,
    ))
}

/// A step of [`in_turn`]: appends the view `f` makes to `parent`, kept in `kept`.
pub fn appending<N: IntoView + 'static>(
    kept: Kept,
    parent: &web_sys::Element,
    f: impl FnOnce() -> N + 'static,
) -> Box<dyn FnOnce()> {
    let parent = parent.clone();
    Box::new(move || kept.keep(append(&parent, f)))
}

/// What a page keeps while it is shown (listeners, appended views), dropped with the page.
#[derive(Clone, Copy)]
pub struct Kept(StoredValue<Vec<Box<dyn Any>>, LocalStorage>);

impl Kept {
    pub fn new() -> Kept {
        Kept(StoredValue::new_local(Vec::new()))
    }

    pub fn keep(&self, x: impl Any) {
        self.0.update_value(|v| v.push(Box::new(x)));
    }

    /// Whether the page is still shown (its owner not yet disposed).
    pub fn alive(&self) -> bool {
        self.0.try_with_value(|_| ()).is_some()
    }
}

/// Runs the steps one after the other with the reactive owner of the caller, while `kept`'s
/// page is shown: at once, or (`paced`) each in a task of its own after the browser has drawn
/// what the one before added — work that would make one long task at the start, with the
/// layout of all it adds in one more (either keeping the page from answering input), made
/// several short ones.
pub fn in_turn(kept: Kept, steps: Vec<Box<dyn FnOnce()>>, paced: bool) {
    let owner = Owner::current();
    let run = move |step: Box<dyn FnOnce()>| match &owner {
        Some(o) => o.with(step),
        None => step(),
    };
    if !paced {
        steps.into_iter().for_each(run);
        return;
    }
    fn next(
        kept: Kept,
        run: impl Fn(Box<dyn FnOnce()>) + 'static,
        mut steps: std::vec::IntoIter<Box<dyn FnOnce()>>,
    ) {
        after_next_frame(move || {
            if !kept.alive() {
                return;
            }
            if let Some(step) = steps.next() {
                run(step);
                next(kept, run, steps);
            }
        });
    }
    next(kept, run, steps.into_iter());
}

/// Runs `f` once, in a task after the next frame (at the latest 100 ms on, should a tab in the
/// background hold frames back).
fn after_next_frame(f: impl FnOnce() + 'static) {
    let f = std::rc::Rc::new(RefCell::new(Some(f)));
    let once = move || {
        if let Some(f) = f.borrow_mut().take() {
            f();
        }
    };
    let later = once.clone();
    request_animation_frame(move || set_timeout(later, std::time::Duration::ZERO));
    set_timeout(once, std::time::Duration::from_millis(100));
}

/// Marks the app as started (`data-app-ready` on its root): its page is on the screen.
pub fn ready() {
    ROOT.with(|r| {
        if let Some(root) = r.borrow().as_ref() {
            let _ = root.set_attribute("data-app-ready", "");
        }
    });
}
