# frozen_string_literal: true

# argmap for Jekyll: the Liquid filters behind _includes/argmap.html. They read and parse the
# map at build time, warn with the page and line when they cannot, and render the static
# no-JavaScript fallback: the same elements and classes as `argmap render`, so
# argmap-fallback.css styles both. The tree is walked without recursion: any depth is safe.
require "json"
require "cgi"

module Argmap
  WORDS = {
    "en" => {
      "note" => "Static version of an interactive argument map. Open a point to see what supports and attacks it.",
      "evidence" => "In the sources' own words", "translation" => "Translation:", "source" => "Source:",
      "read_critically" => "Read critically:", "comma" => ", ",
      "open" => "Open", "closed" => "Closed", "neutral" => "Neutral",
      "answers" => "Answer", "supports" => "Supports", "attacks" => "Attacks",
      "unsourced-figure" => "A figure here is given without a source.",
      "uncited-quote" => "Words here are attributed to someone without a citation.",
      "unnamed-source" => "The source here is not named (an insider, \"people familiar\").",
      "no-evidence" => "This is asserted without evidence.", "who-is-speaking" => "Ask who is speaking here, and why.",
      "contradicts" => "Contradicts", "agrees" => "Agrees with",
      "supported-by" => "Supported by", "attacked-by" => "Attacked by",
    },
    "zh" => {
      "note" => "这是交互式论证图的静态版本。展开任一论点，可看到支持和反驳它的理由。",
      "evidence" => "原文摘录", "translation" => "译文：", "source" => "出处：",
      "read_critically" => "阅读提示：", "comma" => "，",
      "open" => "开放", "closed" => "封闭", "neutral" => "中立",
      "answers" => "回答", "supports" => "支持", "attacks" => "反驳",
      "unsourced-figure" => "此处的数字没有注明出处。", "uncited-quote" => "此处的话归于某人，但没有注明出处。",
      "unnamed-source" => "此处的消息来源没有具名（“知情人士”“内部人士”）。", "no-evidence" => "此处只有断言，没有给出证据。",
      "who-is-speaking" => "想一想：这里是谁在说话，为什么这样说。",
      "contradicts" => "相互矛盾", "agrees" => "观点一致",
      "supported-by" => "受到支持", "attacked-by" => "受到反驳",
    },
  }.freeze
  RELATIONS = %w[answers supports attacks].freeze
  SIDES = %w[open closed neutral].freeze
  MAX_NESTING = 256

  def self.base(lang) = lang.to_s.split(/[-_]/).first.to_s.downcase
  def self.esc(text) = CGI.escapeHTML(text.to_s)
  def self.lang_attr(lang) = lang ? %( lang="#{esc(lang)}") : ""

  # [text, the lang attribute it needs or nil]: in lang, else the first language it has.
  def self.pick(text, lang, first)
    return ["", nil] if text.nil?
    return [text.to_s, first == lang ? nil : first] unless text.is_a?(Hash)
    return [text[lang], nil] if text[lang].is_a?(String)
    text.each { |l, t| return [t, l] if t.is_a?(String) }
    ["", nil]
  end

  # The map's problem that stops a fallback, or nil.
  def self.shape_problem(map)
    return "the map is not a JSON object" unless map.is_a?(Hash)
    return %("format" is #{map["format"].to_json}, not "argmap/1") unless map["format"] == "argmap/1"
    nodes = map["nodes"]
    return "no node is the root #{map["root"].to_json}" unless nodes.is_a?(Array) && nodes.any? { |n| n.is_a?(Hash) && n["id"] == map["root"] }
    nil
  end

  def self.render(map, lang)
    languages = map["languages"].is_a?(Array) ? map["languages"] : []
    lang = lang.to_s.empty? ? (languages.first || "en") : lang.to_s
    first = languages.first
    w = WORDS[base(lang) == "zh" ? "zh" : "en"]
    text = ->(t) { pick(t, lang, first) }
    nodes = map["nodes"].select { |n| n.is_a?(Hash) && n["id"].is_a?(String) }
    by_id = nodes.to_h { |n| [n["id"], n] }
    children = Hash.new { |h, k| h[k] = [] }
    nodes.each { |n| children[n["parent"]] << n if n["parent"].is_a?(String) && n["id"] != map["root"] }
    sources = (map["sources"].is_a?(Array) ? map["sources"] : []).select { |s| s.is_a?(Hash) }.to_h { |s| [s["id"], s] }
    links = (map["links"].is_a?(Array) ? map["links"] : []).select { |l| l.is_a?(Hash) }
    side_name = lambda do |side|
      own = map["sides"].is_a?(Hash) ? map["sides"][side] : nil
      own.nil? ? (w[side] || side) : text.(own).first
    end

    # Derive the tree breadth first: relation, side, level, children in display order.
    root = by_id[map["root"]]
    derived = { root["id"] => { node: root, relation: nil, side: root["side"] || "neutral", level: 1, children: [] } }
    queue = [root["id"]]
    until queue.empty?
      parent = derived[queue.shift]
      entries = children[parent[:node]["id"]].reject { |c| derived.key?(c["id"]) }.map do |child|
        relation = RELATIONS.include?(child["relation"]) ? child["relation"] : (parent[:node]["kind"] == "question" || child["kind"] == "position" ? "answers" : "supports")
        side = child["side"] || (relation == "attacks" ? { "open" => "closed", "closed" => "open" }.fetch(parent[:side], parent[:side]) : parent[:side])
        entry = { node: child, relation: relation, side: side, level: parent[:level] + 1, children: [] }
        derived[child["id"]] = entry
        queue << child["id"]
        entry
      end
      parent[:children] = entries.each_with_index.sort_by { |e, i| [RELATIONS.index(e[:relation]), i] }.map(&:first)
      # The root's answers side by side (open, closed, neutral), as `argmap render` writes them.
      if parent[:level] == 1
        parent[:children] = parent[:children].each_with_index.sort_by { |e, i| [SIDES.index(e[:side]) || SIDES.size, i] }.map(&:first)
      end
    end

    line = lambda do |e|
      node = e[:node]
      out = +""
      if e[:relation] && e[:relation] != "answers" && node["kind"] != "question"
        out << %(<span class="am-fb-rel" data-relation="#{e[:relation]}">#{esc(w[e[:relation]])}</span> · )
      end
      out << %(<span class="am-fb-side" data-side="#{esc(e[:side])}">#{esc(side_name.(e[:side]))}</span> · ) if node["kind"] != "question"
      t, tl = text.(node["text"])
      out << %(<span class="am-fb-text"#{lang_attr(tl)}>#{esc(t)}</span>)
    end

    evidence_item = lambda do |ev|
      source = sources[ev["source"]] || { "id" => ev["source"] }
      out = +%(<li class="am-fb-evidence" data-source="#{esc(source["id"])}"><blockquote class="am-fb-quote"#{lang_attr(source["lang"])}>#{esc(ev["quote"])}</blockquote>)
      if !ev["translation"].nil? && base(source["lang"]) != base(lang)
        t, tl = text.(ev["translation"])
        out << %(<p class="am-fb-translation"><span class="am-fb-label">#{esc(w["translation"])}</span> <span#{lang_attr(tl)}>#{esc(t)}</span></p>)
      end
      title, title_lang = text.(source["title"])
      cite = %(<cite#{lang_attr(title_lang)}>#{esc(title)}</cite>)
      cite = %(<a href="#{esc(source["url"])}" rel="noopener noreferrer">#{cite}</a>) if source["url"].is_a?(String) && source["url"] =~ %r{\A\s*https?://}i
      out << %(<p class="am-fb-source"><span class="am-fb-label">#{esc(w["source"])}</span> #{cite})
      out << %(#{esc(w["comma"])}<span class="am-fb-author">#{esc(source["author"])}</span>) unless source["author"].nil?
      out << %(#{esc(w["comma"])}<time class="am-fb-date">#{esc(source["published"])}</time>) unless source["published"].nil?
      out << "</p></li>"
    end

    cross_refs = lambda do |node|
      items = links.select { |l| l["from"] == node["id"] || l["to"] == node["id"] }.map do |link|
        other_id = link["from"] == node["id"] ? link["to"] : link["from"]
        other = derived[other_id]&.dig(:node)
        # As argmap render names a link from this end: supports/attacks read the other way from the target.
        from = link["from"] == node["id"]
        relation = case link["relation"]
                   when "agrees" then "agrees"
                   when "supports" then from ? "supports" : "supported-by"
                   when "attacks" then from ? "attacks" : "attacked-by"
                   else "contradicts"
                   end
        t, tl = text.(other && other["text"])
        note = ""
        unless link["note"].nil?
          n, nl = text.(link["note"])
          note = %( — <span class="am-fb-link-note"#{lang_attr(nl)}>#{esc(n)}</span>)
        end
        %(<li class="am-fb-link" data-relation="#{relation}" data-other="#{esc(other && other["id"])}"><span class="am-fb-label">#{esc(w[relation])}</span> <q#{lang_attr(tl)}>#{esc(t)}</q>#{note}</li>)
      end
      items.empty? ? "" : %(<ul class="am-fb-links">#{items.join}</ul>)
    end

    # A node's opening HTML, and what closes it once its children are written ("" for none).
    open_node = lambda do |e, is_root, flat|
      node = e[:node]
      attrs = %(data-node-id="#{esc(node["id"])}" data-kind="#{esc(node["kind"])}" data-side="#{esc(e[:side])}" data-level="#{e[:level]}")
      evidence = node["evidence"].is_a?(Array) ? node["evidence"].select { |x| x.is_a?(Hash) } : []
      flags = node["flags"].is_a?(Array) ? node["flags"].map(&:to_s) : []
      refs = cross_refs.(node)
      here = !e[:children].empty? && !flat
      if !here && node["detail"].nil? && evidence.empty? && flags.empty? && refs.empty?
        next [%(<div class="am-fb-node am-fb-leaf" #{attrs}><p class="am-fb-line">#{line.(e)}</p></div>), ""]
      end
      out = +%(<details class="am-fb-node" #{attrs}#{is_root ? " open" : ""}><summary class="am-fb-line">#{line.(e)}</summary><div class="am-fb-body">)
      unless node["detail"].nil?
        d, dl = text.(node["detail"])
        out << %(<p class="am-fb-detail"#{lang_attr(dl)}>#{esc(d)}</p>)
      end
      out << %(<p class="am-fb-label">#{esc(w["evidence"])}</p><ul class="am-fb-evidence-list">#{evidence.map(&evidence_item).join}</ul>) unless evidence.empty?
      unless flags.empty?
        out << %(<div class="am-fb-flags"><p class="am-fb-label">#{esc(w["read_critically"])}</p><ul>)
        out << flags.map { |f| %(<li data-flag="#{esc(f)}">#{esc(w[f] || f)}</li>) }.join << "</ul></div>"
      end
      out << refs
      next [out << "</div></details>", ""] unless here
      [out << %(<div class="am-fb-children">), "</div></div></details>"]
    end

    title, title_lang = text.(map["title"])
    out = +%(<div class="am-fallback" lang="#{esc(lang)}" data-map-id="#{esc(map["id"])}">)
    out << %(<p class="am-fb-title"#{lang_attr(title_lang)}><strong>#{esc(title)}</strong></p>)
    unless map["summary"].nil?
      s, sl = text.(map["summary"])
      out << %(<p class="am-fb-summary"#{lang_attr(sl)}>#{esc(s)}</p>)
    end
    out << %(<p class="am-fb-note">#{esc(w["note"])}</p>)
    stack = [[derived[root["id"]], true, false]]
    until stack.empty?
      item = stack.pop
      if item.is_a?(String)
        out << item
        next
      end
      e, is_root, flat = item
      opening, closing = open_node.(e, is_root, flat)
      out << opening
      next if closing.empty?
      stack << closing
      below = e[:level] >= MAX_NESTING
      shown = below ? descendants(e) : e[:children]
      shown.reverse_each { |c| stack << [c, false, below] }
    end
    out << "</div>"
  end

  def self.descendants(entry)
    out = []
    stack = entry[:children].reverse
    until stack.empty?
      e = stack.pop
      out << e
      e[:children].reverse_each { |c| stack << c }
    end
    out
  end

  # Liquid filters used by _includes/argmap.html.
  module Filters
    # Where this include call is: "PAGE:LINE", the line of the nth `include argmap.html` on the
    # page for the nth call (an include inside a layout gets the page's name only).
    def argmap_where(_input)
      page = @context.registers[:page] || {}
      site = @context.registers[:site]
      path = page["path"].to_s
      calls = (@context.registers[:argmap_calls] ||= Hash.new(0))
      nth = calls[path]
      calls[path] += 1
      file = site && File.join(site.source, path)
      lines = file && File.file?(file) ? File.readlines(file, chomp: true) : []
      hits = lines.each_index.select { |i| lines[i] =~ /\{%-?\s*include\s+argmap\.html/ }
      hits[nth] ? "#{path}:#{hits[nth] + 1}" : path
    end

    def argmap_warn(message, where)
      Jekyll.logger.warn("argmap:", "#{where}: #{message}")
      ""
    end

    # A map file of the site (src as on the site: "/maps/x.json" or "maps/x.json" from the
    # source root, else next to the page), parsed; nil and a warning if it cannot be.
    def argmap_load(src, where)
      site = @context.registers[:site]
      page = @context.registers[:page] || {}
      clean = src.to_s.split(/[?#]/).first.to_s
      return nil if clean.empty? || clean =~ %r{\A([a-z][a-z0-9+.-]*:|//)}i
      candidates = [File.join(site.source, clean.sub(%r{\A/}, ""))]
      candidates << File.join(site.source, File.dirname(page["path"].to_s), clean) unless clean.start_with?("/")
      file = candidates.find { |f| File.file?(f) }
      unless file
        argmap_warn("cannot find the map #{src.inspect} in the site; the widget will try the URL and show the problem", where)
        return nil
      end
      argmap_parse(File.read(file, encoding: "UTF-8"), where, src.inspect)
    end

    def argmap_parse(json, where, what = "the inline map")
      map = JSON.parse(json.to_s.delete_prefix("\uFEFF"))
      problem = Argmap.shape_problem(map)
      return map unless problem
      argmap_warn("#{what}: #{problem}; the widget will list every problem", where)
      nil
    rescue JSON::ParserError => e
      argmap_warn("#{what} is not valid JSON (#{e.message.lines.first.to_s.strip[0, 120]}); the widget will show where", where)
      nil
    end

    def argmap_fallback(map, lang = nil)
      return "" unless map.is_a?(Hash) && Argmap.shape_problem(map).nil?
      Argmap.render(map, lang)
    end

    # The map's text for <script type="application/json">: nothing in it can end the script.
    def argmap_script_safe(json)
      json.to_s.gsub("<", "\\u003c")
    end
  end
end

Liquid::Template.register_filter(Argmap::Filters)
