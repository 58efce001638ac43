## Good practices: the catalogue
prac-catalogue-title = Good practices
prac-catalogue-description = Good practices from European cities: what they did, what it cost, what came of it, and how to do it in your city.
prac-new = Write up a practice
prac-search-label = Search practices
prac-search-submit = Search
prac-filter-organization-kind = Kind of organization
prac-filter-year = Started in (year)
prac-kind-any = Any kind
prac-kind-city = City
prac-kind-region = Region
prac-kind-company = Company
prac-kind-research = Research
prac-kind-ngo = NGO
prac-kind-public-agency = Public agency
prac-kind-citizen-group = Citizen group
prac-kind-other = Other
prac-results-count = { $count ->
    [0] No practices found
    [one] One practice found
   *[other] { $count } practices found
}
prac-results-title = Results
prac-facets-title = Filters
prac-facet-theme = Theme
prac-facet-country = Country
prac-facet-status = Implementation
prac-facet-language = Language
prac-facet-active = Selected:
prac-active-filters = Active filters (select one to remove it):
prac-chip = { $filter }: { $value }
prac-chip-remove = (remove this filter)
prac-keep-filter = Keep “{ $filter }” for the next search
prac-filter-theme = Theme
prac-filter-country = Country
prac-filter-language = Language
prac-filter-implementation-status = Implementation
prac-filter-organization = Organization
prac-sort-label = Sort by
prac-sort-relevance = Relevance
prac-sort-newest = Newest
prac-sort-endorsements = Most endorsed
prac-no-results = No practice matches. Try fewer words, or remove a filter.
prac-pages-label = Pages
prac-first-page = First page
prac-next-page = Next page
prac-endorsement-count = { $count ->
    [one] One endorsement
   *[other] { $count } endorsements
}
prac-status-planned = Planned
prac-status-ongoing = Ongoing
prac-status-completed = Completed
prac-language-en = English
prac-language-es = Spanish
prac-language-fr = French
prac-language-de = German
prac-language-it = Italian
prac-language-pt = Portuguese
prac-language-nl = Dutch
prac-language-pl = Polish
prac-language-ca = Catalan
prac-language-el = Greek
prac-language-sv = Swedish
prac-language-da = Danish
prac-language-fi = Finnish
prac-language-cs = Czech
prac-language-hu = Hungarian
prac-language-ro = Romanian

## A practice's page
prac-by = By
prac-record-status-draft = Draft
prac-record-status-published = Published
prac-record-status-archived = Archived
prac-hidden-reason = Hidden by a moderator: { $reason }
prac-edit = Edit
prac-revisions = Revisions
prac-publish = Publish
prac-archive = Archive
prac-field-organization = Organization
prac-field-title = Title
prac-field-summary = Summary
prac-field-body = Description
prac-field-themes = Themes
prac-field-tags = Tags
prac-field-language = Language of the write-up
prac-field-implementation-status = Implementation
prac-field-dates = Dates
prac-field-start-date = Start date
prac-field-end-date = End date
prac-field-location = Location
prac-field-place = Place
prac-field-lat = Latitude
prac-field-lon = Longitude
prac-field-budget = Budget
prac-field-budget-amount = Budget amount
prac-field-budget-currency = Currency
prac-field-funding = Funding sources
prac-field-stakeholders = Stakeholders involved
prac-field-results = Results
prac-field-lessons-learned = Lessons learned
prac-field-transferability = Transferability
prac-field-indicators = Indicators
prac-field-links = Links
prac-field-contact = Contact
prac-field-contact-name = Contact name
prac-field-contact-email = Contact email
prac-field-contact-role = Contact role
prac-field-other = Other
prac-dates-from-to = { $from } to { $to }
prac-dates-from = Since { $from }
prac-dates-to = Until { $to }
prac-indicator-name = Indicator
prac-indicator-baseline = Baseline
prac-indicator-value = Value
prac-indicator-unit = Unit
prac-indicator-year = Year
prac-endorsements = Endorsements
prac-endorse = Endorse this practice
prac-unendorse = Withdraw my endorsement
prac-you-endorse = You endorse this practice.
prac-adoptions = Adopted by
prac-adoptions-none = No organization has recorded adopting this practice yet.
prac-adoption-planned = Planned
prac-adoption-in-progress = In progress
prac-adoption-completed = Completed
prac-adopt-legend = We adopted this
prac-adopt-organization = Organization
prac-adopt-status = Status
prac-adopt-note = Note (optional)
prac-adopt-submit = Record the adoption
prac-adopt-choose-organization = Choose the organization that adopted it.
prac-adopt-choose-status = Choose how far the adoption is.
prac-adopt-already = This organization has already recorded adopting this practice.
prac-documents = Documents
prac-documents-link = See the documents of this practice
prac-comments = Comments
prac-comment-count = { $count ->
    [0] No comments
    [one] One comment
   *[other] { $count } comments
}
prac-comments-none = Be the first to comment.
prac-comments-more = More comments
prac-comment-deleted = This comment was deleted.
prac-comment-former-member = A former member
prac-comment-label = Your comment
prac-comment-hint = Markdown works: **bold**, lists, links.
prac-comment-submit = Post comment
prac-comment-sign-in = Sign in to comment
prac-reply = Reply
prac-reply-to = Your reply to { $name }
prac-reply-submit = Post reply

## Writing a practice up
prac-new-title = Write up a practice
prac-edit-title = Edit “{ $title }”
prac-form-about = The practice
prac-form-when-where = When and where
prac-form-money = Budget and funding
prac-form-outcomes = Outcomes
prac-form-links-contact = Links and contact
prac-form-choose = Choose…
prac-form-create = Save as draft
prac-form-save = Save changes
prac-form-preview = Preview
prac-form-cancel = Cancel
prac-form-no-organization = To write up a practice you need to be an owner or editor of an organization.
prac-form-choose-organization = Choose the organization this practice belongs to.
prac-form-choose-status = Choose how far the practice is.
prac-form-bad-date = Enter a date like 2024-05-31.
prac-form-bad-number = Enter a number, such as 1250000 or 39.47.
prac-form-bad-indicator = Write each indicator on its own line as: name | unit | baseline | value | year.
prac-hint-summary = Plain text, up to 1,000 characters: shown in search results.
prac-hint-markdown = Markdown: # headings, **bold**, lists, links.
prac-hint-tags = Separated by commas.
prac-hint-lines = One per line.
prac-hint-indicators = One per line: name | unit | baseline | value | year (the baseline may be empty).
prac-hint-links = One per line: the address, then its title.
prac-hint-currency = A code such as EUR.
prac-hint-lat = Between -90 and 90, e.g. 39.47.
prac-hint-lon = Between -180 and 180, e.g. -0.376.
prac-preview-title = Preview

## Revisions
prac-revisions-title = Revisions of “{ $title }”
prac-back-to-practice = Back to the practice
prac-revision = Revision
prac-revision-number = Revision { $number }
prac-revision-author = By
prac-revision-when = When
prac-revision-fields = Changed
prac-revisions-more = Older revisions
prac-compare-from = Compare revision
prac-compare-to = with revision
prac-compare-submit = Compare
prac-compare-title = Revision { $from } and revision { $to }
prac-compare-same = These revisions have the same text.
prac-diff-removed = Removed:
prac-diff-added = Added:

## Notices after an action
notice-prac-created = Your practice is saved as a draft. Publish it when it is ready.
notice-prac-saved = Your changes are saved.
notice-prac-published = The practice is published.
notice-prac-archived = The practice is archived.
notice-prac-commented = Your comment is posted.
notice-prac-endorsed = You endorse this practice.
notice-prac-unendorsed = Your endorsement is withdrawn.
notice-prac-adopted = The adoption is recorded.

## Messages of the server's checks (key: v- and the English message as a slug)
v-is-required = This is required.
v-must-not-be-blank = This cannot be blank.
v-must-be-at-least-3-characters = Use at least 3 characters.
v-must-be-at-most-200-characters = Use at most 200 characters.
v-must-be-at-most-1000-characters = Use at most 1,000 characters.
v-must-be-at-most-5000-characters = Use at most 5,000 characters.
v-must-be-at-most-50000-characters = Use at most 50,000 characters.
v-must-name-1-to-16-themes = Choose between 1 and 16 themes.
v-must-be-between-the-years-1900-and-2100 = Enter a date between the years 1900 and 2100.
v-must-not-be-before-start-date = The end date cannot be before the start date.
v-relevance-needs-a-query-q = Sorting by relevance needs search words.
v-must-be-a-year = Enter a year, such as 2021.
v-must-be-between-1900-and-2100 = Enter a year between 1900 and 2100.
v-an-organization-cannot-adopt-its-own-practice = An organization cannot adopt its own practice.
v-no-such-organization = Choose one of your organizations.
