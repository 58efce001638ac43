## The account page
account-title = Mon compte
account-signed-in-as = Connexion en tant que { $email }
account-profile-title = Profil
account-field-language = Langue des pages
account-language-from-browser = Selon le navigateur
account-field-timezone = Fuseau horaire
account-timezone-from-browser = Selon le navigateur
account-profile-submit = Enregistrer le profil
account-password-title = Mot de passe
account-field-current-password = Mot de passe actuel
account-field-new-password = Nouveau mot de passe
account-password-other-sessions = Le modifier vous déconnecte de tous vos autres appareils ; la session reste ouverte sur celui-ci.
account-password-submit = Changer le mot de passe
account-sessions-title = Sessions
account-sessions-explained = Une session ouverte sur un ordinateur que vous n'utilisez plus, ou un téléphone perdu ? Déconnectez-vous de tous les appareils, y compris celui-ci.
account-sessions-submit = Se déconnecter de tous les appareils
account-close-title = Fermer votre compte
account-close-explained = La fermeture du compte supprime votre nom et votre adresse e-mail. Elle est irréversible.
account-close-link = Fermer votre compte…
account-close-what-happens = Si vous fermez votre compte :
account-close-leaves = vous quittez vos organisations, vos salles et les événements à venir, et toutes vos sessions prennent fin ;
account-close-keeps = vos contributions sont conservées et apparaissent comme écrites par un compte supprimé ;
account-close-final = cette action est irréversible.
account-field-confirm-password = Votre mot de passe, pour confirmer
account-close-submit = Fermer mon compte
account-close-cancel = Conserver mon compte
account-close-last-owner = Vous êtes l'unique propriétaire de { $organizations }. Désignez d'abord un autre propriétaire.
account-close-last-admin = Il n'y a pas d'autre administrateur que vous. Désignez d'abord un autre administrateur.

## Notices after account actions
notice-profile-saved = Votre profil est enregistré.
notice-password-changed = Votre mot de passe est modifié. Vos autres appareils sont déconnectés.
notice-signed-out-everywhere = Déconnexion effectuée sur tous les appareils.
notice-account-closed = Votre compte est fermé.

## Messages of the profile's checks (key: v- and the English message as a slug)
v-must-be-at-most-100-characters = Utilisez au plus 100 caractères.
v-is-not-a-language-the-pages-are-offered-in = Choisissez l'une des langues de la liste.
v-must-be-an-iana-time-zone-name-e-g-europe-madrid = Choisissez un fuseau horaire dans la liste.

## The home page
home-join-title = Rejoignez les villes
home-join-text = Créez un compte pour partager les bonnes pratiques de votre ville, vous inscrire à des ateliers et vous retrouver dans des salles en direct.
home-join-sign-up = Créer un compte
home-join-sign-in = J'ai déjà un compte
home-my-registrations = Mes inscriptions
home-my-registrations-none = Aucune inscription à un événement à venir.
home-registration-seat = Place confirmée
home-registration-waitlisted = Liste d'attente : n° { $position }
home-my-rooms = Mes salles
home-my-rooms-none = Aucune salle pour l'instant.
home-my-organizations = Mes organisations
home-my-organizations-none = Vous n'êtes encore membre d'aucune organisation.
home-browse-organizations = Trouvez votre ville
home-role-owner = Propriétaire
home-role-editor = Éditeur
home-role-member = Membre
home-latest-practices = Dernières bonnes pratiques
home-latest-practices-none = Aucune bonne pratique n'est encore publiée.
home-all-practices = Toutes les bonnes pratiques
home-upcoming-events = Événements à venir
home-upcoming-events-none = Aucun événement n'est encore prévu.
home-all-events = Tous les événements
home-event-own-time = { $time }, heure de { $zone }
