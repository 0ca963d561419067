"""The staff page (``handouts serve``): pick, preview and print handouts, make ward packs.

``app`` holds the routes, ``choices`` turns the browser's choices into a build request,
``packs`` runs ward packs, ``preview`` draws page pictures, ``status`` words the review
state, ``pagetext`` translates the page, ``serve`` starts waitress. Flask is imported only
when the page is served.
"""
