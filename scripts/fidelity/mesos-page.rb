# Lays out one post of the Mesos website the way its Middleman build does, for comparing the preview with the
# site (docs/preview-fidelity.md): the site's own layouts (post.erb inside layout.erb inside basic.erb) run by
# Ruby's ERB, the body by RDiscount with the options of the site's config.rb (smartypants, autolink; tables and
# fenced code are on in Discount 2), and the few Middleman helpers the layouts call written out below. Writes
# OUT/blog/<slug>/index.html and copies the site's assets/ beside it, to be served from OUT.
#
#   ruby scripts/fidelity/mesos-page.rb SITE/source POST.md OUT
#
# Needs Debian's ruby and ruby-rdiscount (installed with the jekyll package).
require 'date'
require 'erb'
require 'fileutils'
require 'rdiscount'
require 'yaml'

source, post_file, out = ARGV
abort 'usage: mesos-page.rb SITE/source POST.md OUT' unless source && post_file && out

# Front-matter data as Middleman gives it to layouts: keys as methods, nil for a key the post does not set.
class Data
  def initialize(hash)
    @hash = hash || {}
  end

  def method_missing(name, *_args)
    value = @hash[name.to_s]
    value.is_a?(Hash) ? Data.new(value) : value
  end

  def respond_to_missing?(*)
    true
  end
end

# The page being built: `current_page`, `current_article` and the helpers basic.erb, layout.erb and post.erb use.
class Page
  Article = Struct.new(:date)
  Current = Struct.new(:data)

  def initialize(layouts, data, date)
    @layouts = layouts
    @current_page = Current.new(Data.new(data))
    @current_article = Article.new(date)
    @content = {}
    @_out = +''
  end

  attr_reader :current_page, :current_article

  # Runs a layout; its `<%= yield %>` is the block given here (the page inside it).
  def render(name, &_content)
    compiled = ERB.new(File.read(File.join(@layouts, "#{name}.erb")), eoutvar: '@_out').src
    saved = @_out
    eval(compiled, binding) # the site's own layout, run for this comparison only
    result = @_out
    @_out = saved
    result
  end

  def capture
    saved = @_out
    @_out = +''
    yield
    @_out.tap { @_out = saved }
  end

  def wrap_layout(name, &block)
    inner = capture(&block)
    @_out << render(name) { inner }
  end

  def content_for(name, &block)
    @content[name] = capture(&block)
  end

  def content_for?(name)
    @content.key?(name)
  end

  def yield_content(name)
    @content[name]
  end

  def stylesheet_link_tag(name)
    %(<link href="/assets/css/#{name}" rel="stylesheet" />)
  end

  def javascript_include_tag(name)
    %(<script src="/assets/js/#{name}"></script>)
  end
end

text = File.read(post_file)
match = /\A---\s*\n(.*?)\n---\s*\n/m.match(text)
data = match ? YAML.safe_load(match[1]) : {}
body = match ? text[match[0].length..] : text
base = File.basename(post_file, '.md')
date = Date.parse(base[0, 10])
slug = base[11..]
html = RDiscount.new(body, :smart, :autolink).to_html

page = Page.new(File.join(source, 'layouts'), data, date)
inner = page.render('post') { html }
dir = File.join(out, 'blog', slug)
FileUtils.mkdir_p(dir)
File.write(File.join(dir, 'index.html'), inner)
FileUtils.cp_r(File.join(source, 'assets'), out)
puts File.join(dir, 'index.html')
