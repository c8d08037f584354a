//! The classroom in a real browser: "predict, then see" hides a claim's relation and side until
//! the reader guesses, scores, tells the host page once per guess and keeps the answers across
//! a remount; marks go out as a file and come back; a foreign marks file changes nothing; the
//! collision table counts the flagship's links and jumps to them.
#![cfg(target_arch = "wasm32")]

mod widget;

use std::cell::RefCell;
use std::rc::Rc;

use argmap::model::{article_of, collisions, load, ArgumentMap, NodeIdx, Relation};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use widget::{mount_with, remount, until, Mounted};

wasm_bindgen_test_configure!(run_in_browser);

const FLAGSHIP: &str = include_str!("../www/maps/open-vs-closed.json");
const POSITION: &str = "pos-big-co-tool";

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn flagship() -> ArgumentMap {
    load(FLAGSHIP).unwrap()
}

/// The position's children, as the exercise asks about them.
fn asked(map: &ArgumentMap) -> Vec<NodeIdx> {
    map.nodes[map.node_index(POSITION).unwrap()].children.clone()
}

fn other(r: Relation) -> Relation {
    if r == Relation::Supports {
        Relation::Attacks
    } else {
        Relation::Supports
    }
}

/// Guesses on `node` in its detail panel: `article` (an index into the map's sources) in the
/// "which article?" list, then the relation's button.
async fn guess(m: &Mounted, map: &ArgumentMap, node: NodeIdx, relation: Relation, article: Option<usize>) {
    m.click(&format!("[role=treeitem][data-node-id='{}']", map.nodes[node].id)).await;
    let select: web_sys::HtmlSelectElement = m.one(".am-detail .am-guess select").dyn_into().unwrap();
    select.set_selected_index(article.map_or(0, |a| a as i32 + 1));
    m.click(&format!(".am-detail [data-guess={}]", relation.as_str())).await;
}

async fn load_file(m: &Mounted, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let file = web_sys::File::new_with_str_sequence(&parts, "marks.json").unwrap();
    let transfer = web_sys::DataTransfer::new().unwrap();
    transfer.items().add_with_file(&file).unwrap();
    let input: web_sys::HtmlInputElement = m.one(".am-marks input[type=file]").dyn_into().unwrap();
    input.set_files(Some(&transfer.files().unwrap()));
    input.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
}

fn get(detail: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(detail, &JsValue::from_str(key)).unwrap()
}

#[wasm_bindgen_test]
async fn the_exercise_hides_then_reveals_scores_tells_the_host_and_survives_a_remount() {
    local().clear().unwrap();
    let map = flagship();
    let m = mount_with(FLAGSHIP, &[("lang", "en"), ("exercise", "true")]).await;
    let seen = Rc::new(RefCell::new(Vec::<JsValue>::new()));
    let listener = {
        let seen = seen.clone();
        Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| seen.borrow_mut().push(e.detail()))
    };
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .add_event_listener_with_callback("argmap:answer", listener.as_ref().unchecked_ref())
        .unwrap();
    assert_eq!(m.text(".am-score"), "0 of 0 right");
    assert_eq!(m.one(".am-score").get_attribute("aria-live").as_deref(), Some("polite"));
    m.click(&format!("[role=treeitem][data-node-id='{POSITION}']")).await;
    let children = asked(&map);
    for &c in &children {
        let row = m.row(&map.nodes[c].id);
        assert_eq!(row.get_attribute("data-side").as_deref(), Some("hidden"), "{}: no side colour", map.nodes[c].id);
        assert!(row.query_selector(".am-side").unwrap().is_none(), "no side badge");
        assert!(row.query_selector(".am-rel[data-relation=supports], .am-rel[data-relation=attacks]").unwrap().is_none(), "no +/−");
        let hidden = row.query_selector(".am-rel[data-relation=hidden]").unwrap().expect("a '?' in its place");
        let described = row.get_attribute("aria-describedby").unwrap();
        assert!(described.split(' ').any(|id| Some(id.to_owned()) == hidden.get_attribute("id")), "the description says it is hidden");
        assert!(hidden.text_content().unwrap().contains("hidden until you guess"));
        assert!(row.query_selector("button").unwrap().is_none(), "no buttons inside a treeitem");
    }
    // A closed, hidden claim with children does not count them by relation.
    let with_children = children.iter().copied().find(|&c| !map.nodes[c].children.is_empty()).unwrap();
    let summary = m.row(&map.nodes[with_children].id).query_selector(".am-hidden").unwrap().unwrap().text_content().unwrap();
    assert!(summary.contains("to guess") && !summary.contains("supporting"), "{summary}");

    // The first: right relation, right article.
    let first = children[0];
    let truth = map.nodes[first].relation.unwrap();
    m.click(&format!("[role=treeitem][data-node-id='{}']", map.nodes[first].id)).await;
    assert!(m.all(".am-detail .am-evidence").is_empty(), "the citations would name the article");
    assert!(m.all(".am-detail-head .am-rel, .am-detail-head .am-side").is_empty());
    assert_eq!(m.all(".am-detail .am-guess select option").len(), map.sources.len() + 1, "every article, and 'not sure'");
    guess(&m, &map, first, truth, article_of(&map, first)).await;
    assert_eq!(m.text(".am-score"), "1 of 1 right");
    assert_eq!(m.one(".am-detail .am-guess").get_attribute("data-correct").as_deref(), Some("true"));
    assert_eq!(
        m.shadow().active_element().and_then(|e| e.get_attribute("class")).as_deref(),
        Some("am-guess-result"),
        "focus stays in the panel"
    );
    let row = m.row(&map.nodes[first].id);
    assert!(row.query_selector(&format!(".am-rel[data-relation={}]", truth.as_str())).unwrap().is_some(), "the answer shows");
    assert_ne!(row.get_attribute("data-side").as_deref(), Some("hidden"));
    assert!(!m.all(".am-detail .am-evidence").is_empty(), "the article's words show once guessed");

    // The second: wrong relation, no article; then a second guess changes nothing.
    let second = children[1];
    let wrong = other(map.nodes[second].relation.unwrap());
    guess(&m, &map, second, wrong, None).await;
    assert_eq!(m.text(".am-score"), "1 of 2 right");
    assert_eq!(m.one(".am-detail .am-guess").get_attribute("data-correct").as_deref(), Some("false"));
    assert!(m.all(".am-detail [data-guess]").is_empty(), "once answered, no guessing again");

    let told = seen.borrow().clone();
    assert_eq!(told.len(), 2, "one argmap:answer per guess");
    assert_eq!(get(&told[0], "node").as_string().as_deref(), Some(map.nodes[first].id.as_str()));
    assert_eq!(get(&told[0], "guess").as_string().as_deref(), Some(truth.as_str()));
    assert_eq!(get(&told[0], "correct").as_bool(), Some(true));
    let article = article_of(&map, first).map(|a| map.sources[a].id.clone());
    assert_eq!(get(&told[0], "source").as_string(), article);
    assert_eq!(get(&told[1], "guess").as_string().as_deref(), Some(wrong.as_str()));
    assert_eq!(get(&told[1], "correct").as_bool(), Some(false));
    assert!(get(&told[1], "source").is_null());
    m.unmount();

    // After a reload: the answers are there, the rest is still hidden.
    let m = remount(FLAGSHIP, &[("lang", "en"), ("exercise", "true")]).await;
    assert_eq!(m.text(".am-score"), "1 of 2 right");
    assert_eq!(m.row(POSITION).get_attribute("aria-expanded").as_deref(), Some("true"), "the tab kept the view");
    assert_ne!(m.row(&map.nodes[first].id).get_attribute("data-side").as_deref(), Some("hidden"));
    assert_eq!(m.row(&map.nodes[children[2]].id).get_attribute("data-side").as_deref(), Some("hidden"));
    assert_eq!(seen.borrow().len(), 2, "a remount tells the host nothing new");

    // Starting again hides every answered claim again, and that too outlasts a reload.
    m.click("[data-action=start-again]").await;
    assert_eq!(m.text(".am-score"), "0 of 0 right");
    assert_eq!(m.row(&map.nodes[first].id).get_attribute("data-side").as_deref(), Some("hidden"));
    assert!(m.all("[data-action=start-again]").is_empty(), "nothing to start again");
    m.unmount();
    let m = remount(FLAGSHIP, &[("lang", "en"), ("exercise", "true")]).await;
    assert_eq!(m.text(".am-score"), "0 of 0 right");
    m.unmount();
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .remove_event_listener_with_callback("argmap:answer", listener.as_ref().unchecked_ref())
        .unwrap();
}

#[wasm_bindgen_test]
async fn without_the_exercise_nothing_is_hidden_and_the_host_can_turn_it_on() {
    local().clear().unwrap();
    let map = flagship();
    let mut m = mount_with(FLAGSHIP, &[("lang", "en")]).await;
    m.click(&format!("[role=treeitem][data-node-id='{POSITION}']")).await;
    assert!(m.all("[data-side=hidden]").is_empty());
    assert!(m.all(".am-marks").is_empty(), "no marks to save, no exercise: no marks bar");
    let options = js_sys::Object::new();
    for (key, value) in [("json", FLAGSHIP), ("lang", "zh"), ("view", "outline"), ("exercise", "true")] {
        js_sys::Reflect::set(&options, &key.into(), &value.into()).unwrap();
    }
    m.widget.update(options.into());
    yew::scheduler::flush().await;
    assert_eq!(m.all("[role=treeitem][data-side=hidden]").len(), asked(&map).len());
    assert_eq!(m.text(".am-score"), "答对 0 题，共 0 题");
    m.unmount();
}

#[wasm_bindgen_test]
async fn the_map_drawing_hides_the_connectors_sign_too() {
    local().clear().unwrap();
    let map = flagship();
    let m = mount_with(FLAGSHIP, &[("lang", "en"), ("view", "map"), ("exercise", "true")]).await;
    m.click(&format!("[role=treeitem][data-node-id='{POSITION}']")).await;
    let children = asked(&map);
    let concealed = m.all("[data-view=map] [role=treeitem][data-side=hidden]");
    let ids: Vec<_> = concealed.iter().map(|c| c.get_attribute("data-node-id").unwrap()).collect();
    assert!(children.iter().all(|&c| ids.contains(&map.nodes[c].id)), "{ids:?}");
    assert_eq!(m.all(".am-wire[data-relation=hidden]").len(), concealed.len(), "one neutral connector per hidden card");
    assert!(m.all(".am-wire-mark").is_empty(), "no + or − on a connector before the guess");
    // Selecting the first opens it too: its own children arrive hidden.
    guess(&m, &map, children[0], Relation::Supports, None).await;
    let concealed = m.all("[data-view=map] [role=treeitem][data-side=hidden]");
    assert_eq!(concealed.len(), children.len() - 1 + map.nodes[children[0]].children.len());
    assert_eq!(m.all(".am-wire[data-relation=hidden]").len(), concealed.len());
    assert_eq!(m.all(".am-wire-mark").len(), 1, "the guessed one shows its sign");
    m.unmount();
}

#[wasm_bindgen_test]
async fn the_name_a_student_types_outlasts_a_reload() {
    local().clear().unwrap();
    let m = mount_with(FLAGSHIP, &[("lang", "en"), ("exercise", "true")]).await;
    let name: web_sys::HtmlInputElement = m.one(".am-marks input[type=text]").dyn_into().unwrap();
    name.set_value("李伟");
    name.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
    m.unmount();
    let m = remount(FLAGSHIP, &[("lang", "en"), ("exercise", "true")]).await;
    let name: web_sys::HtmlInputElement = m.one(".am-marks input[type=text]").dyn_into().unwrap();
    until("the name back", || (name.value() == "李伟").then_some(())).await;
    m.unmount();
}

#[wasm_bindgen_test]
async fn marks_go_out_as_a_file_and_come_back() {
    local().clear().unwrap();
    let map = flagship();
    // What "Save my marks" hands the browser to download.
    let saved = Rc::new(RefCell::new(None::<web_sys::Blob>));
    let url = js_sys::Reflect::get(&js_sys::global(), &"URL".into()).unwrap();
    let original: js_sys::Function = js_sys::Reflect::get(&url, &"createObjectURL".into()).unwrap().dyn_into().unwrap();
    let capture = {
        let (saved, original, url) = (saved.clone(), original.clone(), url.clone());
        Closure::<dyn FnMut(web_sys::Blob) -> JsValue>::new(move |blob: web_sys::Blob| {
            *saved.borrow_mut() = Some(blob.clone());
            original.call1(&url, &blob).unwrap()
        })
    };
    js_sys::Reflect::set(&url, &"createObjectURL".into(), capture.as_ref()).unwrap();

    let m = mount_with(FLAGSHIP, &[("lang", "en"), ("exercise", "true")]).await;
    m.click(&format!("[role=treeitem][data-node-id='{POSITION}']")).await;
    let first = asked(&map)[0];
    guess(&m, &map, first, map.nodes[first].relation.unwrap(), None).await;
    m.click(".am-detail [data-verdict=yes]").await;
    let name: web_sys::HtmlInputElement = m.one(".am-marks input[type=text]").dyn_into().unwrap();
    name.set_value("  Li Wei ");
    m.click("[data-action=save-marks]").await;
    js_sys::Reflect::set(&url, &"createObjectURL".into(), &original).unwrap();
    let blob = saved.borrow_mut().take().expect("a file was saved");
    assert_eq!(blob.type_(), "application/json");
    let text = wasm_bindgen_futures::JsFuture::from(blob.text()).await.unwrap().as_string().unwrap();
    assert!(text.contains("\"name\": \"Li Wei\""), "{text}");
    m.unmount();

    // Another browser: nothing kept, then the file.
    local().clear().unwrap();
    let m = mount_with(FLAGSHIP, &[("lang", "en"), ("exercise", "true")]).await;
    assert_eq!(m.text(".am-score"), "0 of 0 right");
    load_file(&m, &text).await;
    until("the marks loaded", || m.all("[data-notice=loaded]").pop()).await;
    assert_eq!(m.text("[data-notice=loaded]"), "Loaded 1 marks and 1 answers.");
    assert_eq!(m.text(".am-score"), "1 of 1 right");
    assert!(m.text(".am-tally").contains("Your marks"), "{}", m.text(".am-tally"));
    let typed: web_sys::HtmlInputElement = m.one(".am-marks input[type=text]").dyn_into().unwrap();
    assert_eq!(typed.value(), "Li Wei", "the name comes back too");
    m.click(&format!("[role=treeitem][data-node-id='{POSITION}']")).await;
    assert_eq!(m.all(&format!("[data-node-id='{}'] .am-verdict", map.nodes[first].id)).len(), 1);

    // A file for another map, then one with a wrong type: refused, and nothing changes.
    let before = (m.text(".am-score"), m.text(".am-tally"));
    let foreign = text.replace("\"map\": \"open-vs-closed\"", "\"map\": \"phones-in-class\"");
    load_file(&m, &foreign).await;
    let refused = until("the foreign file refused", || m.all("[data-notice=refused]").pop()).await;
    assert!(refused.text_content().unwrap().contains("not for this map \"open-vs-closed\""), "{:?}", refused.text_content());
    assert!(refused.text_content().unwrap().contains("nothing changed"));
    assert_eq!((m.text(".am-score"), m.text(".am-tally")), before);
    let wrong_type =
        format!("{{\"format\": \"argmap-marks/1\", \"map\": \"open-vs-closed\", \"verdicts\": {{\"{}\": true}}}}", map.nodes[first].id);
    load_file(&m, &wrong_type).await;
    until("the hand-edited file refused", || {
        m.all("[data-notice=refused] li").pop().filter(|li| li.text_content().unwrap().contains("a boolean"))
    })
    .await;
    assert_eq!((m.text(".am-score"), m.text(".am-tally")), before);
    let newer = text.replace("argmap-marks/1", "argmap-marks/2");
    load_file(&m, &newer).await;
    until("the newer file refused", || {
        m.all("[data-notice=refused] li").pop().filter(|li| li.text_content().unwrap().contains("update argmap"))
    })
    .await;
    assert_eq!((m.text(".am-score"), m.text(".am-tally")), before);
    m.unmount();
}

#[wasm_bindgen_test]
async fn a_refusal_speaks_the_readers_language() {
    local().clear().unwrap();
    let m = mount_with(FLAGSHIP, &[("lang", "zh"), ("exercise", "true")]).await;
    load_file(&m, "{\"format\": \"argmap-marks/1\", \"map\": \"elsewhere\"}").await;
    let refused = until("refused", || m.all("[data-notice=refused]").pop()).await;
    let text = refused.text_content().unwrap();
    assert!(text.contains("标记未载入") && text.contains("不是本图"), "{text}");
    m.unmount();
}

#[wasm_bindgen_test]
async fn the_collision_table_counts_the_flagships_links_and_a_cell_jumps() {
    local().clear().unwrap();
    let map = flagship();
    let table = collisions(&map);
    let m = mount_with(FLAGSHIP, &[("lang", "en")]).await;
    let details: web_sys::HtmlDetailsElement = m.one(".am-legend .am-collisions").dyn_into().unwrap();
    assert!(!details.open(), "on demand only");
    m.click(".am-legend > summary").await;
    m.click(".am-collisions summary").await;
    assert!(details.open());
    assert_eq!(m.all(".am-collisions thead th[scope=col]").len(), map.sources.len());
    assert_eq!(m.all(".am-collisions tbody th[scope=row]").len(), map.sources.len());
    let mut busiest = None;
    for a in 0..map.sources.len() {
        for b in 0..map.sources.len() {
            let cell = table.cell(a, b).unwrap();
            let selector = format!(".am-cell[data-cell='{} {}']", map.sources[a].id, map.sources[b].id);
            if cell.is_empty() {
                assert!(m.all(&selector).is_empty());
                continue;
            }
            assert_eq!(m.text(&selector), format!("{} / {}", cell.contradicts.len(), cell.agrees.len()), "{selector}");
            if a != b && busiest.is_none_or(|(_, _, n)| cell.contradicts.len() > n) {
                busiest = Some((a, b, cell.contradicts.len()));
            }
        }
    }
    let (a, b, contradicting) = busiest.expect("the articles collide");
    assert!(contradicting > 0, "the flagship's articles contradict each other");
    let cell = table.cell(a, b).unwrap();
    m.click(&format!(".am-cell[data-cell='{} {}']", map.sources[a].id, map.sources[b].id)).await;
    assert_eq!(m.all(".am-collision-links > li").len(), cell.contradicts.len() + cell.agrees.len());
    let target = map.nodes[map.links[cell.contradicts[0]].from].id.clone();
    m.click(&format!(".am-collision-links [data-target-id='{target}']")).await;
    assert_eq!(m.row(&target).get_attribute("aria-selected").as_deref(), Some("true"), "the path opened and the node selected");
    assert_eq!(m.focused_id().as_deref(), Some(target.as_str()));
    m.unmount();
}

/// A student who only taps "supports" or "attacks" never chose an article: nothing is recorded
/// for "which article?", the relation alone is scored, and the list starts on "not sure" for
/// every claim, not on the last article nor on what was chosen for the claim before.
#[wasm_bindgen_test]
async fn an_untouched_which_article_records_no_article() {
    local().clear().unwrap();
    let map = flagship();
    let m = mount_with(FLAGSHIP, &[("lang", "en"), ("exercise", "true")]).await;
    m.click(&format!("[role=treeitem][data-node-id='{POSITION}']")).await;
    let children = asked(&map);
    let (first, second) = (children[0], children[1]);
    m.click(&format!("[role=treeitem][data-node-id='{}']", map.nodes[first].id)).await;
    let select: web_sys::HtmlSelectElement = m.one(".am-detail .am-guess select").dyn_into().unwrap();
    assert_eq!(select.selected_index(), 0, "the list starts on 'not sure'");
    // A choice made on one claim, left without a guess, must not carry over to the next claim.
    select.set_selected_index(map.sources.len() as i32);
    m.click(&format!("[role=treeitem][data-node-id='{}']", map.nodes[second].id)).await;
    let select: web_sys::HtmlSelectElement = m.one(".am-detail .am-guess select").dyn_into().unwrap();
    assert_eq!(select.selected_index(), 0, "the next claim's list starts on 'not sure' again");
    let truth = map.nodes[second].relation.unwrap();
    m.click(&format!(".am-detail [data-guess={}]", truth.as_str())).await;
    assert_eq!(m.one(".am-detail .am-guess").get_attribute("data-correct").as_deref(), Some("true"), "the relation alone is scored");
    assert_eq!(m.text(".am-score"), "1 of 1 right");
    let hint = m.text(".am-detail .am-hint");
    assert!(!map.sources.iter().any(|s| hint.contains(&format!("· {}", s.id))), "no article is named as guessed: {hint}");
    let storage = local();
    let kept: Vec<String> = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .filter(|k| k.contains("/answers"))
        .filter_map(|k| storage.get_item(&k).unwrap())
        .collect();
    assert_eq!(kept.len(), 1, "the answer is kept: {kept:?}");
    assert!(!kept[0].contains('@'), "no source in the kept answer: {kept:?}");
}
