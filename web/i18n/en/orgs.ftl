## Organizations: the directory
orgs-directory-title = Organizations
orgs-directory-description = Cities, regions, agencies, companies and groups taking part in the living labs.
orgs-new-link = Create an organization
orgs-filter-title = Filter
orgs-filter-name = Name contains
orgs-filter-any-kind = Any kind
orgs-filter-verified = Verification
orgs-filter-verified-any = Verified or not
orgs-filter-verified-yes = Verified only
orgs-filter-verified-no = Not verified only
orgs-filter-submit = Show organizations
orgs-filter-clear = Clear the filters
orgs-results-title = Results
orgs-none-found = No organization matches these filters.
orgs-member-count = { $count ->
    [one] { $count } member
   *[other] { $count } members
}
orgs-pagination-label = More organizations
orgs-next-page = Next page
orgs-verified = Verified
orgs-not-verified = Not verified yet

## Kinds of organization and roles in one
orgs-kind-city = City
orgs-kind-region = Region
orgs-kind-company = Company
orgs-kind-research = Research
orgs-kind-ngo = NGO
orgs-kind-public-agency = Public agency
orgs-kind-citizen-group = Citizen group
orgs-kind-other = Other
orgs-role-owner = Owner
orgs-role-editor = Editor
orgs-role-member = Member

## Creating and editing
orgs-new-title = Create an organization
orgs-new-hint = You become its owner. A platform administrator can then verify it.
orgs-edit-title = Edit { $name }
orgs-edit-verified-hint = A new name, kind or country withdraws the verification until an administrator checks it again.
orgs-field-name = Name
orgs-field-kind = Kind
orgs-field-country = Country
orgs-hint-country = Two-letter country code, for example ES, IT or DE.
orgs-field-population = Population
orgs-hint-population = Inhabitants, for a city or region (optional).
orgs-field-website = Website
orgs-field-description = Description
orgs-save = Save changes
orgs-create = Create organization
orgs-cancel = Cancel
notice-org-created = The organization is created. You are its owner.
notice-org-saved = Your changes are saved.
notice-org-verified = The organization is verified.
notice-org-unverified = The verification is withdrawn.

## An organization's page
orgs-meta-description = { $kind } in { $country } on livinglab: its good practices, documents and members.
orgs-edit-link = Edit the profile
orgs-manage-members-link = Manage members
orgs-verify = Verify this organization
orgs-unverify = Withdraw the verification
orgs-profile-title = Profile
orgs-practices-title = Good practices
orgs-practices-link = Good practices of { $name }
orgs-documents-title = Documents
orgs-documents-link = See the documents
orgs-members-title = Members
orgs-no-members = No members.
orgs-member-name = Name
orgs-member-role = Role
orgs-member-since = Member since
orgs-all-members-link = All members

## Members
orgs-members-page-title = Members of { $name }
orgs-back-to = Back to { $name }
orgs-member-actions = Actions
orgs-member-you = (you)
orgs-role-of = Role of { $name }
orgs-change-role = Change the role of { $name }
orgs-remove-member = Remove { $name }
orgs-leave = Leave the organization
orgs-add-member-title = Add a member
orgs-field-member-email = Email address of their account
orgs-hint-member-email = They need an account on livinglab first.
orgs-add-member = Add member
orgs-error-last-owner = An organization needs at least one owner: make someone else owner first.
orgs-error-already-member = This person is already a member: change their role in the list instead.
notice-org-member-added = The member is added.
notice-org-member-role-changed = The role is changed.
notice-org-member-removed = The member is removed.
notice-org-member-left = You have left the organization.

## Messages of the server's checks (key: v- and the English message as a slug)
v-must-be-at-least-2-characters = Use at least 2 characters.
v-must-be-at-most-10000-characters = Use at most 10,000 characters.
v-must-be-between-0-and-100000000 = Enter a number between 0 and 100,000,000.
v-must-be-a-whole-number = Enter a whole number, for example 800000.
v-no-account-has-this-email-address = No account has this email address. They need to sign up first.
v-must-be-yes-or-no = Choose one of the options.
v-must-be-one-of-city-region-company-research-ngo-public-agenc = Choose one of the kinds.
v-must-be-one-of-owner-editor-member = Choose one of the roles.
