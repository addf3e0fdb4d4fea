// Remembers the language a reader picks in the switcher, for Netlify's
// language redirect on "/" (netlify.toml): a reader who chose English is not
// sent back to /vi/ by their browser's Accept-Language. The privacy notice
// describes this cookie; it is the site's only one.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("[data-language-choice]");
  if (!link) return;
  var language = link.getAttribute("data-language-choice");
  document.cookie = "nf_lang=" + encodeURIComponent(language) +
    "; path=/; max-age=31536000; SameSite=Lax" +
    (location.protocol === "https:" ? "; Secure" : "");
});
