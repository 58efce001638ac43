## The frame of every page
site-name = livinglab
skip-to-content = Skip to content
nav-label = Main
nav-practices = Practices
nav-events = Events
nav-rooms = Rooms
nav-organizations = Organizations
nav-account = Your account
nav-sign-in = Sign in
nav-sign-up = Sign up
nav-sign-out = Sign out
footer-language = Language
footer-language-apply = Change
footer-about = livinglab: cities learning from cities.

## Notices shown once after an action
notice-signed-in = You are signed in.
notice-signed-up = Welcome! Your account is ready.
notice-signed-out = You are signed out.

## Errors
error-go-home = Go to the home page
error-internal = Something went wrong on our side. Please try again.
error-bad-request = The request could not be understood
error-invalid-json = The request could not be understood
error-unauthorized = Please sign in
error-invalid-credentials = Wrong email or password
error-session-expired = Your session has ended: please sign in again
error-forbidden = You may not do this
error-not-found = Page not found
error-conflict = This conflicts with the current state
error-precondition-failed = Someone changed this in the meantime
error-payload-too-large = Too large
error-quota-exceeded = Your storage space is full
error-unsupported-media-type = This kind of file or form is not accepted
error-validation-failed = Some fields need attention
error-rate-limited = Too many attempts: please wait a moment and try again
error-service-unavailable = The service is busy: please try again in a moment
error-gone = This is no longer available
error-internal-error = Something went wrong on our side
error-last-admin = The last administrator cannot do this
error-last-owner = You are the only owner of an organization: hand it over first

## Forms
form-problems = There is a problem
form-error-prefix = Error:
field-email = Email
field-password = Password
field-new-password = Password
field-display-name = Your name
hint-password = At least 10 characters. A few unrelated words are easy to remember and hard to guess.

## Months (dates are written as “3 Dec 2026”)
month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mar
month-short-4 = Apr
month-short-5 = May
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Aug
month-short-9 = Sep
month-short-10 = Oct
month-short-11 = Nov
month-short-12 = Dec

## Home
home-title = Cities learning from cities
home-description = Good practices, workshops and live rooms for European cities on their way to climate neutrality.
