"""Stream attachments for the mini-language's [image:…], [video:…], [link:…]…"""

MIME = {"jpg": "image/jpeg", "png": "image/png", "gif": "image/gif", "mp4": "video/mp4", "mov": "video/quicktime",
        "m4a": "audio/mp4", "mp3": "audio/mpeg", "ogg": "audio/ogg", "pdf": "application/pdf",
        "csv": "text/csv", "txt": "text/plain", "md": "text/markdown", "zip": "application/zip",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "key": "application/vnd.apple.keynote", "json": "application/json"}
ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


def upload_url(ws, rng, when, name):
    return "%s/uploads/%s/%08x/%s" % (ws.cdn, when.strftime("%Y/%m"), rng.getrandbits(32), name)


def attachment(ws, rng, kind, arg, when, fill):
    """The attachments for one [kind:arg]. `fill` fills the {slots} of a link."""
    r = rng
    ext = arg.rsplit(".", 1)[-1].lower()
    if kind == "image":
        url = upload_url(ws, r, when, arg)
        w, h = r.choice([(1600, 1200), (1200, 1600), (1920, 1080), (1080, 1080), (2048, 1536)])
        return [{"type": "image", "fallback": arg, "image_url": url, "thumb_url": url + "?w=320",
                 "original_width": w, "original_height": h}]
    if kind == "images":
        count, stem = arg.split(":")
        return [a for i in range(int(count)) for a in attachment(ws, r, "image", "%s-%d.jpg" % (stem, i + 1), when, fill)]
    if kind == "video":
        url = upload_url(ws, r, when, arg)
        return [{"type": "video", "title": arg, "asset_url": url, "thumb_url": url.rsplit(".", 1)[0] + "-poster.jpg",
                 "mime_type": MIME[ext], "file_size": r.randint(4, 180) * 1_048_576 + r.randint(0, 999_999)}]
    if kind in ("audio", "file"):
        return [{"type": kind, "title": arg, "asset_url": upload_url(ws, r, when, arg), "mime_type": MIME[ext],
                 "file_size": r.randint(18_000, 9_500_000)}]
    if kind == "giphy":
        gid = "".join(r.choice(ALNUM) for _ in range(18))
        return [{"type": "giphy", "title": arg, "title_link": "https://giphy.com/gifs/" + gid,
                 "image_url": "https://media.giphy.com/media/%s/giphy.gif" % gid,
                 "thumb_url": "https://media.giphy.com/media/%s/200w.gif" % gid}]
    if kind == "link":
        url, title, text, image = ws.links[arg]
        a = {"type": "article" if image else "link", "og_scrape_url": fill(url), "title_link": fill(url),
             "title": fill(title), "text": fill(text)}
        if image:
            a["image_url"] = a["thumb_url"] = "%s/%s" % (ws.cdn, image)
        return [a]
    raise ValueError(kind)
