//! The host element's shadow root: the widget's own subtree, so the host page's CSS and the
//! widget's leave each other alone. Rust owns it: `open` sets it up, `close` gives the element's
//! own content (the static fallback) back through a slot. Nothing is written as HTML text, so
//! hosts that enforce Trusted Types work.

use wasm_bindgen::JsValue;

/// Empties the host's shadow root (attaching one if needed), links the stylesheet and returns
/// the element the widget renders into. A link to the same stylesheet already there (argmap.js
/// puts it in and waits for it, so the first render measures a styled box) is kept as it is:
/// taken out and put back, it would load again and the widget would show unstyled meanwhile.
///
/// A first view the page drew from its HTML (`.am-first`, in a declarative shadow root) stays,
/// with its stylesheets, and the widget renders beside it unseen (`data-pending`): argmap.js
/// takes the first view away once the widget is ready, so the reader never sees an empty box.
pub fn open(host: &web_sys::Element, stylesheet: Option<&str>) -> Result<web_sys::Element, JsValue> {
    let document = host.owner_document().ok_or_else(|| JsValue::from_str("argmap: element has no document"))?;
    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?,
    };
    // The address as the browser resolved it: a declarative root's link may be written relative.
    let href = |node: &web_sys::Element| js_sys::Reflect::get(node, &JsValue::from_str("href")).ok().and_then(|h| h.as_string());
    let first_view = shadow
        .first_element_child()
        .into_iter()
        .flat_map(|first| std::iter::successors(Some(first), web_sys::Element::next_element_sibling));
    let first_view = first_view.filter(|node| node.class_name() == "am-first").last();
    let mut kept = false;
    let mut child = shadow.first_element_child();
    while let Some(node) = child {
        child = node.next_element_sibling();
        let link = node.local_name() == "link";
        if link && !kept && stylesheet.is_some() && href(&node).as_deref() == stylesheet {
            kept = true;
        } else if first_view.is_none() || !(link || node.class_name() == "am-first") {
            node.remove();
        }
    }
    // Text nodes (a declarative template's white space) go too.
    let mut node = shadow.first_child();
    while let Some(n) = node {
        node = n.next_sibling();
        if n.node_type() != web_sys::Node::ELEMENT_NODE {
            let _ = shadow.remove_child(&n);
        }
    }
    if let (Some(href), false) = (stylesheet, kept) {
        let link = document.create_element("link")?;
        link.set_attribute("rel", "stylesheet")?;
        link.set_attribute("href", href)?;
        shadow.append_child(&link)?;
    }
    let root = document.create_element("div")?;
    root.set_class_name("argmap");
    if first_view.is_some() {
        root.set_attribute("data-pending", "")?;
        // Fixed, as wide as the host's content: measured like the real thing, yet never
        // adding to the page's scroll height (a scroll bar appearing would move the page).
        if let Some(root) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&root) {
            let width = super::map_placing::px(host.get_bounding_client_rect().width() as f32);
            root.style().set_property("width", &format!("{width}px"))?;
        }
    }
    shadow.append_child(&root)?;
    Ok(root)
}

/// The widget is gone: show the element's own children again.
pub fn close(host: &web_sys::Element) {
    let (Some(shadow), Some(document)) = (host.shadow_root(), host.owner_document()) else { return };
    if let Ok(slot) = document.create_element("slot") {
        shadow.replace_children_with_node_1(&slot);
    }
}
