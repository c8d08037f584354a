use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FlagsProps {
    pub flags: Vec<String>,
    pub lang: AttrValue,
}

/// A node's critical-reading flags, in plain words.
#[component]
pub fn Flags(props: &FlagsProps) -> Html {
    let w = argmap::strings::strings(&props.lang);
    html! {
        <div class="am-fb-flags">
            <p class="am-fb-label">{ w.fallback_read_critically }</p>
            <ul>
                { for props.flags.iter().map(|f| html! { <li data-flag={f.clone()}>{ w.flag(f).to_owned() }</li> }) }
            </ul>
        </div>
    }
}
