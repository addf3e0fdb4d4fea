/*
 * Hanoi Convention site: Material for MkDocs' JavaScript when the reader
 * needs it, so that a first visit downloads what the page needs to be read
 * (docs-dev/quality-gates.md: first visit at most 50 kB on a phone).
 *
 * - Material's bundle (35 kB compressed) is loaded at the reader's first
 *   interaction: a key, a click or tap, a touch, the mouse, the wheel or a
 *   scroll. Until then the page is whole: links, the phone menu and the
 *   language list work from HTML and CSS alone.
 * - Search (Material's worker, ours, lunr and the language's index) is loaded
 *   when the reader opens it: a click or tap on the search box or its button,
 *   or Material's shortcuts f, s and /. The bundle asks for the index and
 *   starts the worker through HanoiOnDemand.index and HanoiOnDemand.worker,
 *   which wait for that moment (the bundle is patched to call them:
 *   hooks/hanoi/served/on_demand.py); the search box says "Loading search…"
 *   meanwhile (overrides/partials/search.html), until Material says it is
 *   ready. A page opened from a search result (?h=) or a search link (?q=)
 *   needs the index at once, and gets it.
 * - Until the bundle runs, this script does the little the bundle does
 *   first that a reader could notice: the page is marked as having
 *   JavaScript (Material's styles show the search button then), Material's
 *   shortcuts open search, and tapping the search button focuses the box
 *   (a phone shows its keyboard only for a focus made during the tap).
 */
(function () {
  "use strict"

  var START = "hanoi:material"  /* the patched bundle starts on this event */
  var INTERACTIONS = ["keydown", "pointerdown", "touchstart", "mousemove", "wheel", "scroll"]
  var SHORTCUTS = { f: true, s: true, "/": true }

  var html = document.documentElement
  var script = document.currentScript
  var toggle = document.getElementById("__search")
  var input = document.querySelector(".md-search__input")

  html.classList.remove("no-js")
  html.classList.add("js")

  /* ---------------------------------------------------- Material's bundle */

  var requested = false
  function loadBundle() {
    if (requested)
      return
    requested = true
    INTERACTIONS.forEach(function (type) {
      window.removeEventListener(type, loadBundle, true)
    })
    var bundle = document.createElement("script")
    bundle.src = script.getAttribute("data-bundle")
    bundle.addEventListener("load", function () {
      document.dispatchEvent(new Event(START))
    })
    document.head.appendChild(bundle)
  }
  INTERACTIONS.forEach(function (type) {
    window.addEventListener(type, loadBundle, { capture: true, passive: true })
  })

  /* --------------------------------------------------------------- search */

  var opened = /[?&][qh]=/.test(location.search)
  var waiting = []

  function whenOpened(callback) {
    if (opened)
      callback()
    else
      waiting.push(callback)
  }

  function open() {
    if (opened)
      return
    opened = true
    loadBundle()
    waiting.splice(0).forEach(function (callback) { callback() })
  }

  if (opened)
    loadBundle()

  if (toggle && input) {
    toggle.addEventListener("change", function () {
      if (toggle.checked)
        open()
    })

    /* Material opens search when its box gets the focus; after the tap on
       the search button has toggled it, which it does after this focus */
    input.addEventListener("focus", function () {
      open()
      setTimeout(function () {
        if (!toggle.checked && document.activeElement === input)
          toggle.click()
      })
    })

    /* Before the bundle runs: its shortcuts, and the focus on a tap */
    window.addEventListener("keydown", function (event) {
      var target = event.target
      if (window.component$ || opened || !SHORTCUTS[event.key] ||
          event.ctrlKey || event.metaKey || event.altKey ||
          (target instanceof HTMLElement && (target.isContentEditable ||
            /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName))))
        return
      event.preventDefault()
      input.focus()
      input.select()
    })
    var button = document.querySelector("header [for=__search]")
    if (button)
      button.addEventListener("click", function () {
        if (!window.component$)
          input.focus()
      })
  }

  /* Called by Material's bundle with its own request for the index */
  function index(request) {
    return new Promise(function (resolve, reject) {
      whenOpened(function () {
        request().subscribe({ next: resolve, error: reject })
      })
    })
  }

  /* Called by Material's bundle instead of `new Worker(url)`: the worker
     starts when search is opened, or when Material first writes to it */
  function worker(url) {
    var real = null
    var listeners = []
    var queue = []
    function start() {
      if (real)
        return
      real = new Worker(url)
      listeners.forEach(function (listener) {
        real.addEventListener(listener[0], listener[1], listener[2])
      })
      queue.splice(0).forEach(function (message) { real.postMessage(message) })
    }
    whenOpened(start)
    return {
      addEventListener: function (type, listener, options) {
        listeners.push([type, listener, options])
        if (real)
          real.addEventListener(type, listener, options)
      },
      removeEventListener: function (type, listener, options) {
        listeners = listeners.filter(function (entry) {
          return entry[0] !== type || entry[1] !== listener
        })
        if (real)
          real.removeEventListener(type, listener, options)
      },
      postMessage: function (message) {
        if (real) {
          real.postMessage(message)
        } else {
          queue.push(message)
          start()
        }
      }
    }
  }

  window.HanoiOnDemand = { start: START, index: index, worker: worker }
})()
