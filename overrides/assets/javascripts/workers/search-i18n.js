/*
 * Hanoi Convention site: search that works for Vietnamese and French readers
 *. This is the search worker every page names in its __config
 * (hooks/search.py). It runs Material for MkDocs' own search worker,
 * unmodified, imported below, and adds:
 *
 * 1. Accent-insensitive matching. lunr indexes the folded form of every word
 *    (Unicode NFD, combining marks removed, đ/Đ -> d, œ -> oe, æ -> ae) at the
 *    original word's position, so results still highlight "tội phạm" when
 *    the reader typed "toi pham". The index file itself is unchanged.
 * 2. The same folding of the query before it reaches lunr.
 * 3. Exact matches first: results with the words as typed, diacritics
 *    included, come before results that only match once folded; then the
 *    words found together, in order ("cong uoc ha noi"): see rank().
 * 4. Highlighting on the page a result opens: Material passes the matched
 *    terms in ?h=; they become the original words found ("tội phạm"), since
 *    Material's page highlighter compares text as it is.
 *
 * fold() must agree with hanoi.search.index.fold (tested).
 * Loaded in a page instead of a worker, it only defines self.HanoiSearch.
 */
(function () {
  "use strict"

  /* Material's message types (src/.../search/worker/message) */
  var SETUP = 0
  var QUERY = 2
  var RESULT = 3

  var COMBINING_MARKS =
    /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g
  var LETTERS = { "đ": "d", "Đ": "D", "œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE" }
  var LETTER = /[đĐœŒæÆ]/g

  function fold(value) {
    return value
      .normalize("NFD")
      .replace(COMBINING_MARKS, "")
      .replace(LETTER, function (letter) { return LETTERS[letter] })
      .normalize("NFC")
  }

  function lower(value) {
    return value.normalize("NFC").toLowerCase()
  }

  /* Words of a text or query, lowercased, split like Material splits them */
  function words(value, separator) {
    return lower(value).split(separator).filter(function (word) {
      return /[\p{L}\p{N}]/u.test(word)
    })
  }

  var ENTITIES = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'" }

  function plain(html) {
    return html
      .replace(/<[^>]*>/g, " ")
      .replace(/&(?:amp|lt|gt|quot|#39);/g, function (e) { return ENTITIES[e] })
  }

  /* Query terms as typed, without lunr's syntax (+term -term term* title:term) */
  function queryTerms(query, separator) {
    return words(
      query.replace(/\b[a-z]+:/gi, " ").replace(/["*+^~]|(?:^|\s)-/g, " "),
      separator
    )
  }

  /* Whether `words` holds `terms` in a row (the last one may be unfinished) */
  function hasPhrase(words, terms) {
    for (var i = 0; i + terms.length <= words.length; i++) {
      var j = 0
      while (j < terms.length && (j < terms.length - 1
        ? words[i + j] === terms[j]
        : words[i + j].startsWith(terms[j])))
        j++
      if (j === terms.length)
        return true
    }
    return false
  }

  /*
   * Order Material's result groups (one group per page: the page and its
   * matching sections), keeping Material's order within each tier:
   *
   * 1. most query terms typed with diacritics found as whole words exactly
   *    as typed ("tội" before "tôi", "đa" before "da"): the reader's
   *    diacritics say what they mean;
   * 2. the terms found together, in order, once folded: as a whole title
   *    ("cong uoc ha noi" finds the page "Công ước Hà Nội" first), then in a
   *    title, then in the text (the last two for two terms or more);
   * 3. most query terms typed without diacritics found as whole words as
   *    typed ("da" before "đa"). Only then: without diacritics, a reader
   *    may simply not have typed them, so this must not outrank 2.
   *
   * `wordsOf(location)` gives a document's { title, text } words,
   * lowercased; `foldedOf(location)` the same words folded.
   */
  function rank(groups, terms, wordsOf, foldedOf) {
    if (!terms.length)
      return groups
    var foldedTerms = terms.map(fold)
    return groups
      .map(function (group, index) {
        var locations = group.map(function (item) { return item.location })
        var found = terms.map(function (term) {
          return locations.some(function (location) {
            var w = wordsOf(location)
            return w.title.indexOf(term) >= 0 || w.text.indexOf(term) >= 0
          })
        })
        var together = 0
        for (var l = 0; l < locations.length; l++) {
          var f = foldedOf(locations[l])
          if (f.title.length === foldedTerms.length && hasPhrase(f.title, foldedTerms))
            together = 3
          else if (terms.length > 1 && hasPhrase(f.title, foldedTerms))
            together = Math.max(together, 2)
          else if (terms.length > 1 && hasPhrase(f.text, foldedTerms))
            together = Math.max(together, 1)
        }
        var marked = 0
        var unmarked = 0
        for (var t = 0; t < terms.length; t++)
          if (found[t]) {
            if (foldedTerms[t] !== terms[t])
              marked++
            else
              unmarked++
          }
        return { group: group, index: index, key: [marked, together, unmarked] }
      })
      .sort(function (a, b) {
        for (var k = 0; k < a.key.length; k++)
          if (a.key[k] !== b.key[k])
            return b.key[k] - a.key[k]
        return a.index - b.index
      })
      .map(function (entry) { return entry.group })
  }

  /*
   * The terms of a result as Material uses them: matched ones go into ?h= for
   * the page the result opens, so each matched (folded) term becomes the
   * original words highlighted in the result; missing ones are shown struck
   * out, so each becomes the term as the reader typed it (`typed` maps
   * folded terms to typed ones).
   */
  function originalTerms(item, typed) {
    var marked = []
    var pattern = /<mark>([^<]*)<\/mark>/g
    var source = [item.title || "", item.text || ""].join(" ")
    for (var match = pattern.exec(source); match; match = pattern.exec(source))
      marked.push(lower(plain(match[1])).trim())
    var result = {}
    Object.keys(item.terms || {}).forEach(function (term) {
      if (!item.terms[term]) {
        result[typed[term] || term] = false
        return
      }
      var found = marked.filter(function (word) {
        return word && fold(word).startsWith(term)
      })
      if (!found.length)
        found = [term]
      found.forEach(function (word) { result[word] = true })
    })
    return result
  }

  self.HanoiSearch = {
    fold: fold,
    words: words,
    queryTerms: queryTerms,
    rank: rank,
    originalTerms: originalTerms
  }

  /* In a page (tests), stop here */
  if (typeof importScripts !== "function")
    return

  /* Folding per distinct word, once: an index has a few thousand */
  var foldCache = new Map()
  function foldWord(word) {
    var folded = foldCache.get(word)
    if (folded === undefined)
      foldCache.set(word, folded = fold(word))
    return folded
  }

  var separator = /[\s\-]+/
  var documents = new Map()
  var wordCache = new Map()
  var foldedCache = new Map()
  var pending = []

  function documentWords(location) {
    var cached = wordCache.get(location)
    if (cached === undefined) {
      var doc = documents.get(location) || {}
      cached = {
        title: words(plain(doc.title || ""), separator),
        text: words(plain(doc.text || ""), separator)
      }
      wordCache.set(location, cached)
    }
    return cached
  }

  function foldedWords(location) {
    var cached = foldedCache.get(location)
    if (cached === undefined) {
      var w = documentWords(location)
      cached = { title: w.title.map(foldWord), text: w.text.map(foldWord) }
      foldedCache.set(location, cached)
    }
    return cached
  }

  /* Runs before Material's own message handler (registered on import) */
  self.addEventListener("message", function (ev) {
    var message = ev.data
    if (!message)
      return
    if (message.type === SETUP && message.data) {
      separator = new RegExp(message.data.config.separator)
      documents = new Map(message.data.docs.map(function (doc) {
        return [doc.location, { title: doc.title, text: doc.text }]
      }))
      wordCache.clear()
      foldedCache.clear()
    } else if (message.type === QUERY && typeof message.data === "string") {
      pending.push(message.data)
      message.data = fold(message.data)
    }
  })

  /* Material answers with postMessage(); results pass through here */
  var post = self.postMessage.bind(self)
  self.postMessage = function (message) {
    if (message && message.type === RESULT && message.data && Array.isArray(message.data.items)) {
      var terms = queryTerms(pending.length ? pending.shift() : "", separator)
      var typed = {}
      terms.forEach(function (term) { typed[fold(term)] = term })
      message.data.items = rank(message.data.items, terms, documentWords, foldedWords)
      message.data.items.forEach(function (group) {
        group.forEach(function (item) { item.terms = originalTerms(item, typed) })
      })
    }
    return post.apply(null, arguments)
  }

  /* Material's worker, named by the page (its file name carries a hash) */
  var material = new URL(self.location.href).searchParams.get("material") || ""
  if (!/^search\.[0-9a-f]{8}\.min\.js$/.test(material))
    throw new Error("search-i18n.js: no Material search worker named in ?material=")
  importScripts(material)

  /* lunr indexes folded words: added last to the pipeline of every index */
  var lunr = self.lunr
  function foldToken(token) {
    return token.update(foldWord)
  }
  lunr.Pipeline.registerFunction(foldToken, "hanoiFold")
  var add = lunr.Builder.prototype.add
  lunr.Builder.prototype.add = function () {
    if (!this.hanoiFold) {
      this.hanoiFold = true
      this.pipeline.add(foldToken)
      this.searchPipeline.add(foldToken)
    }
    return add.apply(this, arguments)
  }
})()
